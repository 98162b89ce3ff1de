/**
 * The transfer window ends where the instrument stops binding the two States (treaty basis on
 * the day of the transfer, issue 16): a denunciation taking effect, or a later instrument that
 * replaces it between them. Worked scenarios on copies of the built-in map, the dates written out.
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { BUILT_IN_TREATY_MAP, builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { indexTreatyMap, relationEndsAfter, type TreatyMapIndex } from '../treaties/map/relations.ts';
import type { TreatyMap } from '../treaties/map/schema.ts';
import { assess } from './engine.ts';
import { makeCase, ruleSet } from './testing.ts';

const iso = (day: number | null | undefined) => (day == null ? null : formatIsoDate(day));

/** The built-in map with one party's row of one instrument changed. */
function mapWith(instrumentId: string, state: string, change: Record<string, unknown>): TreatyMapIndex {
  const map = structuredClone(BUILT_IN_TREATY_MAP) as TreatyMap;
  const instrument = map.instruments.find((i) => i.id === instrumentId)!;
  const party = instrument.parties.find((p) => p.state === state)!;
  Object.assign(party, change);
  return indexTreatyMap(map);
}

const run = (c: ReturnType<typeof makeCase>, map: TreatyMapIndex) =>
  assess(c, ruleSet('coe-ets-112'), { today: parseIsoDate('2024-06-30'), on: null, profile: profileFor(c.sentencingState), map });

describe('the window closes the day before the instrument stops applying between the two States', () => {
  // Switzerland -> Poland under ETS 112: 5 years from 2021-06-15, so the first day at liberty is 2026-06-15;
  // the request was received on 2023-03-01 (the reference event happened), so the window runs to the day before release, 2026-06-14.
  const swissCase = makeCase();

  it('with the map as built in: from 2023-03-01 (request received) to 2026-06-14, and no step about the instrument', () => {
    const a = run(swissCase, builtInTreatyMap());
    expect(a.verdict).toBe('eligible');
    expect([iso(a.transferWindow?.from), iso(a.transferWindow?.to)]).toEqual(['2023-03-01', '2026-06-14']);
    expect(a.steps.map((s) => s.key)).not.toContain('step.window.instrument.ceased');
  });

  it('Poland\'s denunciation of ETS 112 taking effect on 2024-01-01: the window ends on 2023-12-31, with the step that says why', () => {
    const a = run(swissCase, mapWith('coe-ets-112', 'PL', { ceasesFrom: '2024-01-01' }));
    expect(a.verdict).toBe('eligible');
    expect([iso(a.transferWindow?.from), iso(a.transferWindow?.to)]).toEqual(['2023-03-01', '2023-12-31']);
    const step = a.steps.find((s) => s.key === 'step.window.instrument.ceased');
    expect(step?.params).toMatchObject({ date: { day: parseIsoDate('2024-01-01') }, last: { day: parseIsoDate('2023-12-31') }, instrument: 'coe-ets-112', state: 'PL' });
  });

  it('a denunciation taking effect before the request was received closes the window before it opens (flagged)', () => {
    // Not bound on 2023-03-01 any more: the treaty basis fails on the reference date itself; the window is then none at all.
    const a = run(swissCase, mapWith('coe-ets-112', 'CH', { ceasesFrom: '2023-01-01' }));
    expect(a.verdict).toBe('ineligible');
    expect(a.transferWindow).toBeNull();
  });

  it('Germany bound by FD 2008/909 only from 2015-07-25: a Germany -> Poland transfer under ETS 112 asked on 2014-03-01 must happen by 2015-07-24', () => {
    // 5 years from 2013-06-15: release 2018-06-15, so without the replacement the window would run to 2018-06-14.
    // FD 2008/909 Art. 26(1) replaces ETS 112 between Member States once both are bound (Poland since 2011-12-05).
    const german = makeCase({
      sentencingState: 'DE',
      sentences: [{ id: 'S1', start: '2013-06-15', term: { years: 5, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
      consent: { date: '2014-01-10' },
      events: { application: '2014-03-01', request: '2014-03-01', requestReceived: '2014-03-01', judgmentReceived: '2014-03-01' },
    });
    const map = mapWith('eu-fd-2008-909', 'DE', { entryIntoForce: '2015-07-25' });
    const a = run(german, map);
    expect([iso(a.transferWindow?.from), iso(a.transferWindow?.to)]).toEqual(['2014-03-01', '2015-07-24']);
    expect(a.steps.find((s) => s.key === 'step.window.instrument.replaced')?.params).toMatchObject({ instead: 'eu-fd-2008-909', instrument: 'coe-ets-112' });
    // Asked of the map directly: the end, and none for a day the instrument does not apply any more.
    const q = { a: 'DE', b: 'PL', judgment: null };
    expect(relationEndsAfter(map, 'coe-ets-112', { ...q, on: parseIsoDate('2014-03-01') })).toEqual({ on: parseIsoDate('2015-07-25'), reason: 'replaced', state: null, instead: 'eu-fd-2008-909' });
    expect(relationEndsAfter(map, 'coe-ets-112', { ...q, on: parseIsoDate('2015-07-25') })).toBeNull();
  });

  it('a domestic scheme or an arrangement for one case is not cut (its basis is not followed here): no end from the map', () => {
    expect(relationEndsAfter(builtInTreatyMap(), 'us-iptp', { a: 'US', b: 'TH', on: parseIsoDate('2024-01-01'), judgment: null })).toBeNull();
  });
});
