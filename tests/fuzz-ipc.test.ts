/**
 * Every IPC channel fed malformed payloads (fast-check): random JSON and non-JSON values,
 * wrong types, huge text, control characters and prototype-pollution keys. No call may
 * crash (code `internal`), write (the store's digest stays the same) or answer without a
 * clear error; hostile case imports are refused with the field at fault named.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { countAuditEntries } from '../db/audit-repo.ts';
import { storeDigest } from '../db/testing.ts';
import { MAX_DEPTH, MAX_TEXT_LENGTH } from '../electron/payload-guard.ts';
import { createRouter, type Router } from '../electron/router.ts';
import { serviceHarness, type ServiceHarness } from '../electron/services/testing.ts';
import { CHANNELS, type ApiResponse } from '../shared/api.ts';
import { t } from '../shared/i18n/index.ts';
import { TEXT_LIMITS } from '../shared/domain/bounds.ts';

const example = CASE_FIXTURES.formatExample as Record<string, unknown>;

let h: ServiceHarness;
let router: Router;
const logged: string[] = [];
beforeAll(() => {
  h = serviceHarness();
  // A supervisor may call every channel, so every payload reaches its schema and service.
  router = createRouter(h.admin, (message) => logged.push(message));
  const created = router.dispatch('cases.create', { case: { ...example, ruleSetId: 'coe-ets-112' } });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
});
afterAll(() => h.dispose());

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'case', 'id', 'caseId', 'reason', 'limit', 'name', 'password', 'ruleSet', 'toString'];
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }), // any code unit: controls, lone surrogates
  fc.constantFrom('\u0000', 'a\u0007b', '\u202eevil', '\ud800', '=cmd|"/c calc"!A1', '${7*7}', "'; DROP TABLE cases; --", 'x'.repeat(MAX_TEXT_LENGTH + 1)),
);
/** Objects whose keys may be __proto__ and friends, as they arrive from a structured clone or JSON.parse. */
const pollutingObject = fc
  .array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty)), { minLength: 1, maxLength: 6 })
  .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`) as unknown);
const malformed = fc
  .oneof(
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }),
    fc.jsonValue(),
    nasty,
    pollutingObject,
    fc.array(pollutingObject, { maxLength: 3 }),
  )
  // `undefined` and `{}` are valid for the channels without input: not malformed. So is an empty
  // object without a prototype (the payload guard takes it as plain data, as JSON would give `{}`).
  .filter((v) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0
    && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)));

function expectClearRefusal(response: ApiResponse, context: string): void {
  expect(typeof response, context).toBe('object');
  if (response.ok) return; // a payload valid by chance (read channels): the digest check below still applies
  expect(response.error.code, context).not.toBe('internal');
  expect(['invalid_input', 'not_found', 'conflict', 'forbidden']).toContain(response.error.code);
  expect(t('en', response.error.messageKey), context).not.toBe(response.error.messageKey); // a catalog message, not a bare key
  for (const problem of response.error.problems) {
    expect(typeof problem.field).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

describe('every channel, fed malformed payloads', () => {
  it.each(CHANNELS)('%s never crashes, never writes, and says what is wrong', (channel) => {
    const digest = storeDigest(h.store.db);
    const audit = countAuditEntries(h.store.db);
    fc.assert(
      fc.property(malformed, (payload) => {
        expectClearRefusal(router.dispatch(channel, payload), `${channel} ${fc.stringify(payload).slice(0, 200)}`);
        expect(countAuditEntries(h.store.db)).toBe(audit);
      }),
      { numRuns: 60 },
    );
    expect(storeDigest(h.store.db)).toBe(digest);
    expect(logged).toEqual([]);
    // Nothing leaked onto the shared prototypes.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile case imports', () => {
  const caseWith = (person: Record<string, unknown>) => ({ ...example, person: { ...(example.person as object), ...person } });
  function deeplyNested(depth: number): unknown {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }

  it.each([
    ['a 10 MB family name', [caseWith({ familyName: 'A'.repeat(10 * 1024 * 1024) })], '[0].person.familyName', 'validation.payload.tooLong'],
    ['a NUL in a name', [caseWith({ familyName: 'CHAN\u0000TAI' })], '[0].person.familyName', 'validation.payload.controlCharacter'],
    ['an escape sequence in an alias', [caseWith({ aliases: ['\u001b[31mRED'] })], '[0].person.aliases[0]', 'validation.payload.controlCharacter'],
    ['an unpaired surrogate', [caseWith({ nativeName: '陳\ud800' })], '[0].person.nativeName', 'validation.payload.controlCharacter'],
    ['JSON nested 10 000 deep', [caseWith({ aliases: deeplyNested(10_000) })], '[0].person.aliases[0][0]', 'validation.payload.tooDeep'],
    ['a __proto__ key', [JSON.parse(`{"__proto__": {"polluted": true}, "format": "tsp-case/1"}`)], '[0].__proto__', 'validation.payload.forbiddenKey'],
    ['a constructor key in a sentence', [{ ...example, sentences: [{ constructor: { prototype: { polluted: true } } }] }], '[0].sentences[0].constructor', 'validation.payload.forbiddenKey'],
  ])('refuses %s, naming the field, and imports nothing', (_what, payload, field, messageKey) => {
    const digest = storeDigest(h.store.db);
    const response = router.dispatch('cases.import', payload);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error).toMatchObject({ code: 'invalid_input', messageKey: 'error.invalid_input' });
    const problem = response.error.problems.find((p) => p.messageKey === messageKey);
    expect(problem?.field.startsWith(field) || field.startsWith(problem?.field ?? '\0'), JSON.stringify(response.error.problems)).toBe(true);
    expect(storeDigest(h.store.db)).toBe(digest);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists at most 20 problems for a file full of them', () => {
    const response = router.dispatch('cases.import', Array.from({ length: 5000 }, () => caseWith({ familyName: 'X\u0000' })));
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.problems).toHaveLength(20);
  });

  it(`keeps accepting deep-enough and long-enough real data (${MAX_DEPTH} levels, the longest name a case holds)`, () => {
    const response = router.dispatch('cases.import', [caseWith({ familyName: 'CHAN', nativeName: '陳'.repeat(TEXT_LIMITS.name), aliases: ['Tab\tand\nline breaks are fine'] })]);
    expect(response.ok, JSON.stringify(response)).toBe(true);
  });
});
