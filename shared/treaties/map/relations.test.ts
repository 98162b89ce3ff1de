/**
 * The treaty map's questions, on a small map written for the test and on the built-in map:
 * when an instrument binds a State (entry into force, provisional application, "in force by",
 * ceasing), when it applies between two (replacement by a later instrument, transitional
 * declarations), a scheme running on treaties, and the schema's own checks.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../domain/case.ts';
import { parseIsoDate } from '../../sentence/calendar.ts';
import { builtInTreatyMap, BUILT_IN_TREATY_MAP } from './built-in/index.ts';
import { bindingOn, declarationsOf, indexTreatyMap, relationOn, type Relation } from './relations.ts';
import { TREATY_MAP_FORMAT, treatyMapSchema, type TreatyMapInput } from './schema.ts';

const d = parseIsoDate;
const row = (state: string, entryIntoForce: string | null, extra: Record<string, unknown> = {}) => ({ state, entryIntoForce, source: `test ${state}`, confidence: 'C' as const, ...extra });

const MAP: TreatyMapInput = {
  format: TREATY_MAP_FORMAT,
  version: 'test',
  effectiveFrom: '2026-01-01',
  instruments: [
    {
      id: 'conv', title: 'Convention', kind: 'multilateral', ruleSets: ['conv'], inForce: { date: '1990-01-01', source: 'test', confidence: 'C' },
      parties: [
        row('AA', '1990-01-01'),
        row('BB', '1995-03-01', { ceasesFrom: '2020-01-01' }),
        row('CC', '1990-01-01'),
        row('DD', null, { signature: '1991-05-05', confidence: 'C' }),
        row('EE', null, { confidence: 'U' }),
        row('FF', null, { inForceBy: '2005-06-30', confidence: 'S' }),
        row('GG', '1990-01-01'),
      ],
    },
    {
      id: 'union', title: 'Union instrument', kind: 'eu-mutual-recognition', ruleSets: ['union'], inForce: { date: '2011-12-05', source: 'test', confidence: 'C' },
      parties: [row('AA', '2011-12-05'), row('CC', '2011-12-05'), row('GG', '2011-12-05', { ceasesFrom: '2021-01-01' })],
      declarations: [{ state: 'CC', kind: 'transitional', article: '28(2)', judgmentsBefore: '2010-01-01', summary: 'keeps the old instruments for older judgments', source: 'test', confidence: 'C' }],
      replaces: [{ instruments: ['conv'], from: '2011-12-05', summary: 'replaces the Convention between members', source: 'test', confidence: 'C' }],
    },
    {
      id: 'scheme', title: 'Scheme', kind: 'domestic-scheme', ruleSets: ['scheme'], basis: ['conv'], inForce: { date: '1980-01-01', source: 'test', confidence: 'S' },
      parties: [row('AA', '1980-01-01')],
    },
  ],
};
const index = indexTreatyMap(treatyMapSchema.parse(MAP));
const between = (id: string, a: string, b: string, on: string, judgment: string | null = null): Relation =>
  relationOn(index, id, { a, b, on: d(on), judgment: judgment === null ? null : d(judgment) });

describe('when an instrument binds a State', () => {
  it('from its entry into force, not the day before', () => {
    expect(bindingOn(index, 'conv', 'BB', d('1995-02-28')).status).toBe('not-yet');
    expect(bindingOn(index, 'conv', 'BB', d('1995-03-01')).status).toBe('bound');
  });
  it('until the day it ceases (a denunciation taking effect): on that day it no longer binds', () => {
    expect(bindingOn(index, 'conv', 'BB', d('2019-12-31')).status).toBe('bound');
    expect(bindingOn(index, 'conv', 'BB', d('2020-01-01'))).toMatchObject({ status: 'ceased', since: d('2020-01-01') });
  });
  it('signed only (confirmed): not yet, with no date; an unconfirmed row without a date: unknown', () => {
    expect(bindingOn(index, 'conv', 'DD', d('2024-01-01'))).toMatchObject({ status: 'not-yet', from: null });
    expect(bindingOn(index, 'conv', 'EE', d('2024-01-01')).status).toBe('unknown');
  });
  it('known to operate by a day (date of entry into force unknown): unknown before it, bound from it', () => {
    expect(bindingOn(index, 'conv', 'FF', d('2005-06-29')).status).toBe('unknown');
    expect(bindingOn(index, 'conv', 'FF', d('2005-06-30')).status).toBe('bound');
  });
  it('not listed: not a party', () => expect(bindingOn(index, 'conv', 'ZZ', d('2024-01-01')).status).toBe('not-party'));
});

describe('whether an instrument applies between two States', () => {
  it('applies when both are bound', () => expect(between('conv', 'AA', 'CC', '2000-01-01').status).toBe('applies'));
  it('not yet: names the State and the day it opens', () => {
    expect(between('conv', 'AA', 'BB', '1994-01-01')).toMatchObject({ status: 'not-applies', reason: 'not-yet', state: 'BB', opensOn: d('1995-03-01') });
  });
  it('replaced between two States bound by the later instrument, from its date; not before it', () => {
    expect(between('conv', 'AA', 'CC', '2011-12-04').status).toBe('applies');
    expect(between('conv', 'AA', 'GG', '2015-01-01')).toMatchObject({ status: 'not-applies', reason: 'replaced', instead: 'union' });
  });
  it('applies again once one of them leaves the later instrument', () => expect(between('conv', 'AA', 'GG', '2021-01-01').status).toBe('applies'));
  it('a transitional declaration keeps it for a judgment before its date, not after; an unknown judgment date is unknown', () => {
    expect(between('conv', 'AA', 'CC', '2015-01-01', '2009-06-01')).toMatchObject({ status: 'applies', via: 'transitional:CC' });
    expect(between('conv', 'AA', 'CC', '2015-01-01', '2010-01-01')).toMatchObject({ status: 'not-applies', reason: 'replaced' });
    expect(between('conv', 'AA', 'CC', '2015-01-01')).toMatchObject({ status: 'unknown', reason: 'judgment-date-unknown' });
  });
  it('an unconfirmed party makes it unknown, never assumed', () => expect(between('conv', 'AA', 'EE', '2024-01-01')).toMatchObject({ status: 'unknown', state: 'EE' }));
  it('the evidence names the rows it rests on and their weakest confidence', () => {
    const r = between('conv', 'AA', 'FF', '2010-01-01');
    expect(r.evidence).toEqual({ sources: ['test AA', 'test FF'], confidence: 'S' });
    // The same rows give the same evidence object (made once).
    expect(between('conv', 'AA', 'FF', '2011-01-01').evidence).toBe(r.evidence);
  });
  it('a scheme applies between its State and another bound with it by one of its treaties, through that treaty', () => {
    expect(between('scheme', 'CC', 'AA', '2000-01-01')).toMatchObject({ status: 'applies', via: 'conv' });
    expect(between('scheme', 'CC', 'DD', '2000-01-01')).toMatchObject({ status: 'not-applies', reason: 'no-scheme-party' });
    expect(between('scheme', 'AA', 'DD', '2000-01-01')).toMatchObject({ status: 'not-applies', reason: 'no-basis', state: 'DD' });
  });
  it('an instrument the map does not have: unknown', () => expect(between('nothing', 'AA', 'CC', '2000-01-01')).toMatchObject({ status: 'unknown', reason: 'no-map-entry' }));
});

describe('the schema of the map', () => {
  it('refuses a State listed twice, a rule-set in two instruments, a ceasing before entry into force and an unknown reference', () => {
    const broken = structuredClone(MAP) as { instruments: Record<string, unknown>[] } & TreatyMapInput;
    (broken.instruments[0]!.parties as unknown[]).push(row('AA', '1990-01-01'));
    (broken.instruments[1]!.ruleSets as string[]).push('conv');
    (broken.instruments[0]!.parties as Record<string, unknown>[])[2]!.ceasesFrom = '1989-01-01';
    (broken.instruments[2]!.basis as string[]).push('missing');
    const result = treatyMapSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => problemOf(i).message) ?? [];
    expect(messages).toEqual(expect.arrayContaining(['AA is listed twice', 'rule-set "conv" already belongs to "conv"', 'must be after the entry into force', 'names an instrument not in the map: "missing"']));
  });
  it('refuses an unknown key (no silent typo) and an impossible date', () => {
    expect(treatyMapSchema.safeParse({ ...MAP, extra: 1 }).success).toBe(false);
    const badDate = structuredClone(MAP);
    badDate.instruments[0]!.parties[0]!.entryIntoForce = '2023-02-30';
    expect(treatyMapSchema.safeParse(badDate).success).toBe(false);
  });
});

describe('the built-in map', () => {
  const map = builtInTreatyMap();
  it('names a rule-set for every built-in instrument used by one, and every row has a source', () => {
    for (const i of BUILT_IN_TREATY_MAP.instruments) for (const p of i.parties) expect(p.source.length, `${i.id} ${p.state}`).toBeGreaterThan(0);
  });
  it('India: ETS 112 from 1 May 2018 (accession of 16 January 2018, Art. 19(2))', () => {
    expect(bindingOn(map, 'coe-ets-112', 'IN', d('2018-04-30')).status).toBe('not-yet');
    expect(bindingOn(map, 'coe-ets-112', 'IN', d('2018-05-01')).status).toBe('bound');
  });
  it('the United Kingdom and a Member State: 2008/909 until the end of 2020, ETS 112 from 2021', () => {
    expect(relationOn(map, 'coe-ets-112', { a: 'GB', b: 'PL', on: d('2020-12-31'), judgment: null })).toMatchObject({ status: 'not-applies', instead: 'eu-fd-2008-909' });
    expect(relationOn(map, 'coe-ets-112', { a: 'GB', b: 'PL', on: d('2021-01-01'), judgment: null }).status).toBe('applies');
  });
  it('Hong Kong and the United States: not operative since the US notice of 19 August 2020', () => {
    expect(relationOn(map, 'hk-us-1997', { a: 'HK', b: 'US', on: d('2020-08-18'), judgment: null }).status).toBe('applies');
    expect(relationOn(map, 'hk-us-1997', { a: 'HK', b: 'US', on: d('2020-08-19'), judgment: null })).toMatchObject({ status: 'not-applies', reason: 'ceased' });
  });
  it('the US programme runs through ETS 112 with Switzerland and through the Mexico treaty with Mexico', () => {
    expect(relationOn(map, 'us-iptp', { a: 'US', b: 'CH', on: d('2024-01-01'), judgment: null })).toMatchObject({ status: 'applies', via: 'coe-ets-112' });
    expect(relationOn(map, 'us-iptp', { a: 'MX', b: 'US', on: d('1980-01-01'), judgment: null })).toMatchObject({ status: 'applies', via: 'us-mx-1976' });
  });
  it('reads Sweden\'s definition of "national" under ETS 112 and, through it, under ETS 167', () => {
    expect(declarationsOf(map, 'coe-ets-112', 'SE', 'national-definition', d('2024-01-01'))[0]?.includes).toEqual(['habitual-residents']);
    expect(declarationsOf(map, 'coe-ets-167-original', 'SE', 'national-definition', d('2024-01-01'))).toHaveLength(1);
  });
});
