/** ETS 112 Art. 3(3) declarations from the treaty map close one procedure for the administering State. */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../sentence/calendar.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { allowedProceduresFrom, defaultAllowedProcedures } from './procedures.ts';

const on = parseIsoDate('2024-01-01');

describe('the procedures an administering State allows, read from the treaty map', () => {
  it('Albania excludes continued enforcement (Art. 3(3), Verdragenbank): conversion only', () => {
    const allowed = allowedProceduresFrom(builtInTreatyMap(), 'coe-ets-112', 'AL', on);
    expect(allowed.continued).toMatchObject({ value: false, confidence: 'C' });
    expect(allowed.continued.source).toContain("AL's declaration under Art. 3(3)");
    expect(allowed.conversion.value).toBe(true);
  });
  it('Japan excludes conversion: continued enforcement only; the same declaration reaches the Protocol', () => {
    expect(allowedProceduresFrom(builtInTreatyMap(), 'coe-ets-112', 'JP', on).conversion.value).toBe(false);
    expect(allowedProceduresFrom(builtInTreatyMap(), 'coe-ets-167-original', 'IT', on).conversion.value).toBe(false);
  });
  it('a State whose declarations the map has not read: both open, unconfirmed', () => {
    const allowed = allowedProceduresFrom(builtInTreatyMap(), 'coe-ets-112', 'PL', on);
    expect([allowed.continued.value, allowed.continued.confidence, allowed.conversion.value]).toEqual([true, 'U', true]);
  });
  it('a State with no declaration on it keeps the defaults', () => {
    expect(allowedProceduresFrom(builtInTreatyMap(), 'coe-ets-112', 'SE', on)).toEqual(defaultAllowedProcedures('coe-ets-112'));
  });
});
