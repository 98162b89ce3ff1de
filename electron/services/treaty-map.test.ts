/**
 * Versions of the treaty map in the store: a correction is a new version, in force from its
 * date, audited, never changed; assessments read the version in force and say which.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { BUILT_IN_TREATY_MAP } from '../../shared/treaties/map/built-in/index.ts';
import type { TreatyMap } from '../../shared/treaties/map/schema.ts';
import { runAssessment } from './assessments.ts';
import { createCase } from './cases.ts';
import { routesForCase, treatyTable } from './routes.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';
import { getTreatyMap, listTreatyMapVersions, saveTreatyMap } from './treaty-map.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-06-12T09:00:00.000Z');
});
afterEach(() => h.dispose());

/** The built-in map with Romania's ETS 112 entry into force recorded (as if found in the Tractatenblad). */
function withRomania(version: string, effectiveFrom: string): TreatyMap {
  const map = structuredClone(BUILT_IN_TREATY_MAP);
  const ets112 = map.instruments.find((i) => i.id === 'coe-ets-112')!;
  const ro = ets112.parties.find((p) => p.state === 'RO')!;
  Object.assign(ro, { entryIntoForce: '1996-12-01', source: 'test: Tractatenblad (as if read)', confidence: 'C' });
  return { ...map, version, effectiveFrom };
}

/** Sentenced in Switzerland, a Romanian national: ETS 112's treaty basis turns on Romania's date. */
const toRomania = () => ({
  ...(CASE_FIXTURES.formatExample as Record<string, unknown>),
  sentencingState: 'CH', administeringState: 'RO', ruleSetId: 'coe-ets-112',
  person: { familyName: 'POPESCU', nationalities: ['RO'], livesIn: 'RO', permanentResidence: [], representativeNeeded: false },
});

describe('treaty map versions', () => {
  it('the built-in map is in force until a stored version takes effect', () => {
    expect(listTreatyMapVersions(h.officer)).toEqual([expect.objectContaining({ source: 'built-in', version: BUILT_IN_TREATY_MAP.version, inForceToday: true })]);
    expect(getTreatyMap(h.officer, {}).version).toBe(BUILT_IN_TREATY_MAP.version);
  });

  it('a correction saved with a reason is audited, in force from its date, and read by the next assessment', () => {
    const id = createCase(h.admin, { case: toRomania() }).id;
    const before = runAssessment(h.admin, { caseId: id, on: '2024-03-01' });
    expect(before.result.conditions.find((c) => c.id === 'treaty-basis')?.status).toBe('unknown');
    expect(before.result.treatyMap?.version).toBe(BUILT_IN_TREATY_MAP.version);

    const audit = countAuditEntries(h.admin.db);
    const saved = saveTreatyMap(h.admin, { map: withRomania('2025-06-romania', '2025-06-01'), reason: "Romania's date found" });
    expect(saved).toMatchObject({ version: '2025-06-romania', source: 'stored', inForceToday: true });
    expect(countAuditEntries(h.admin.db)).toBe(audit + 1);
    expect(listTreatyMapVersions(h.officer).map((v) => [v.version, v.inForceToday])).toEqual([['2025-06-romania', true], [BUILT_IN_TREATY_MAP.version, false]]);

    const after = runAssessment(h.admin, { caseId: id, on: '2024-03-01' });
    expect(after.result.conditions.find((c) => c.id === 'treaty-basis')).toMatchObject({ status: 'met', confidence: 'C' });
    expect(after.result.treatyMap).toEqual({ version: '2025-06-romania', hash: saved.hash });
    expect(treatyTable(h.officer, { a: 'CH', b: 'RO', on: '2024-03-01' }).rows.find((r) => r.instrumentId === 'coe-ets-112')?.status).toBe('applies');
    expect(routesForCase(h.officer, { caseId: id, on: '2024-03-01' }).mapVersion).toBe('2025-06-romania');
  });

  it('a version dated in the future is not yet in force', () => {
    saveTreatyMap(h.admin, { map: withRomania('2025-07', '2025-07-01'), reason: 'from July' });
    expect(listTreatyMapVersions(h.officer).find((v) => v.inForceToday)?.source).toBe('built-in');
    h.setNow('2025-07-01T09:00:00.000Z');
    expect(listTreatyMapVersions(h.officer).find((v) => v.inForceToday)?.version).toBe('2025-07');
  });

  it('refuses an invalid map, an existing version (stored or built in) and an unknown version, writing nothing', () => {
    const audit = countAuditEntries(h.admin.db);
    const bad = expectRefused(h.admin, 'invalid_input', () => saveTreatyMap(h.admin, { map: { ...withRomania('x', '2025-01-01'), instruments: [] }, reason: 'r' }));
    expect(bad.problems[0]?.field).toBe('map.instruments');
    saveTreatyMap(h.admin, { map: withRomania('v1', '2025-01-01'), reason: 'r' });
    expectRefused(h.admin, 'conflict', () => saveTreatyMap(h.admin, { map: withRomania('v1', '2025-02-01'), reason: 'again' }));
    expectRefused(h.admin, 'conflict', () => saveTreatyMap(h.admin, { map: withRomania(BUILT_IN_TREATY_MAP.version, '2025-02-01'), reason: 'r' }));
    expectRefused(h.officer, 'not_found', () => getTreatyMap(h.officer, { version: 'nope' }));
    expect(countAuditEntries(h.admin.db)).toBe(audit + 1);
    expect(() => h.admin.db.prepare("UPDATE treaty_maps SET effective_from = '2000-01-01'").run()).toThrow(/never changed/);
  });

  it('a stored version is vouched for by its audit entry: edited behind the app (its trigger dropped), verify names it', () => {
    saveTreatyMap(h.admin, { map: withRomania('v1', '2025-01-01'), reason: 'r' });
    expect(verifyStore(h.admin.db).findings).toEqual([]);
    h.admin.db.exec('DROP TRIGGER treaty_maps_no_update');
    h.admin.db.prepare("UPDATE treaty_maps SET effective_from = '1990-01-01' WHERE version = 'v1'").run();
    const findings = verifyStore(h.admin.db).findings;
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'entity_changed', entity: 'treaty_map', entityId: 'v1' }));
  });
});
