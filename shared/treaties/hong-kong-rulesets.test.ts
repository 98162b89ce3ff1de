/**
 * Hong Kong's arrangements as rule-sets: one for every arrangement of the treaty map, no
 * condition claimed as read in a text nobody read, Cap. 513's own terms and warrants in each,
 * and dates that say no more than the sources.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULESETS, builtInRuleSet } from './library.ts';
import { builtInTreatyMap } from './map/built-in/index.ts';
import { instrumentOfRuleSet } from './map/relations.ts';
import { PARAMETER_KEYS, type RuleSet } from './schema.ts';

const map = builtInTreatyMap();
const HK_INSTRUMENTS = map.map.instruments.filter((i) => i.kind === 'bilateral' && i.parties.some((p) => p.state === 'HK'));
const HK_IDS = HK_INSTRUMENTS.flatMap((i) => i.ruleSets);
const rs = (id: string) => builtInRuleSet(id) as RuleSet;
const hkParty = (id: string) => instrumentOfRuleSet(map, id)?.parties.find((p) => p.state === 'HK');

describe('Hong Kong rule-sets', () => {
  it('every Hong Kong arrangement of the treaty map has its built-in rule-set, and every hk- rule-set an arrangement', () => {
    expect(HK_IDS.sort()).toEqual(['hk-es', 'hk-fr', 'hk-gb', 'hk-it', 'hk-kr', 'hk-mo', 'hk-ng', 'hk-ph', 'hk-pt', 'hk-ru-2021', 'hk-th', 'hk-us-1997', 'hk-zm']);
    for (const id of HK_IDS) expect(builtInRuleSet(id), id).toBeDefined();
    expect(BUILT_IN_RULESETS.filter((r) => r.id.startsWith('hk-')).map((r) => r.id).sort()).toEqual(HK_IDS);
  });

  it.each(HK_IDS)('%s marks no parameter confirmed: no arrangement\'s conditions were read', (id) => {
    const r = rs(id);
    expect(PARAMETER_KEYS.filter((k) => r[k].confidence === 'C')).toEqual([]);
    expect(r.consentExceptions.filter((e) => e.confidence === 'C')).toEqual([]);
  });

  it.each(HK_IDS)('%s: what Cap. 513 requires of every arrangement (LegCo 1997 para 4): dual criminality and the three consents, secondary', (id) => {
    const r = rs(id);
    expect(r.dualCriminality.value.required).toBe(true);
    expect(r.statesAgreementRequired.value).toBe(true);
    expect(r.consent.value.required).toBe(true);
    for (const k of ['dualCriminality', 'statesAgreementRequired', 'consent'] as const) expect(r[k].source, k).toMatch(/20 Nov 1997, para 4/);
    expect([r.dualCriminality.confidence, r.statesAgreementRequired.confidence]).toEqual(['S', 'S']);
  });

  it.each(HK_IDS)('%s lists the Cap. 513 warrant for each direction, needed before the handover, with s. 3 marked as not read', (id) => {
    const docs = rs(id).documents;
    expect(docs.value).toContainEqual({ kind: 'outward-warrant', direction: 'outgoing', step: 'transferred', required: true });
    expect(docs.value).toContainEqual({ kind: 'inward-warrant', direction: 'incoming', step: 'transferred', required: true });
    expect(docs.source).toMatch(/Cap\. 513 s\. 2 .*s\. 3 itself .* was not read \[U\]/);
    expect(docs.confidence).toBe('U');
  });

  it.each(HK_IDS.filter((id) => id !== 'hk-mo'))('%s bars a Chinese citizen sentenced in Hong Kong (Security Bureau, 2026), keeping the pattern for the other side', (id) => {
    const d = rs(id).dualNationality;
    expect(typeof d.value === 'object' && d.value.bySentencingState).toEqual({ HK: 'bar' });
    expect(d.source).toMatch(/Security Bureau, January 2026.*do not apply to Chinese citizens/);
  });

  it('hk-mo: no such bar between two parts of China; the link is permanent residence', () => {
    expect(rs('hk-mo').dualNationality.value).toBe('allow');
    expect(rs('hk-mo').link.value).toEqual({ default: ['permanent-residence'], byAdministeringState: {} });
    expect(rs('hk-mo').notes).toMatch(/Art\. 95 of Hong Kong's Basic Law/);
  });

  it.each(HK_IDS.filter((id) => id !== 'hk-mo'))('%s: Hong Kong permanent residence is the link for Hong Kong', (id) => {
    expect(rs(id).link.value.byAdministeringState).toEqual({ HK: ['permanent-residence'] });
  });

  it.each(['hk-gb', 'hk-it', 'hk-mo', 'hk-us-1997'])('%s applies from the entry into force the treaty map records', (id) => {
    expect(rs(id).effectiveFrom).toBe(hkParty(id)?.entryIntoForce);
  });

  it.each(['hk-pt', 'hk-es', 'hk-kr', 'hk-ng', 'hk-zm', 'hk-ru-2021', 'hk-fr'])('%s: entry into force not found, so it applies from its signature and says why', (id) => {
    const party = hkParty(id);
    expect(party?.entryIntoForce).toBeNull();
    expect(rs(id).effectiveFrom).toBe(party?.signature);
    expect(rs(id).notes).toMatch(/effectiveFrom is the date of signature/);
  });

  it.each(['hk-th', 'hk-ph'])('%s: no date of signature or entry into force known; it applies from the day the map knows it in operation', (id) => {
    const party = hkParty(id);
    expect([party?.signature, party?.entryIntoForce]).toEqual([null, null]);
    expect(rs(id).effectiveFrom).toBe(party?.inForceBy);
    expect(rs(id).notes).toMatch(/not a date of entry into force/);
  });

  it('hk-th says its Thai terms are the general Thai rules, not read in the agreement', () => {
    const th = rs('hk-th');
    expect(th.notes).toMatch(/general rules under its Act B\.E\. 2527/);
    for (const k of ['minRemaining', 'minServed', 'finality', 'indeterminateBypass'] as const) expect(th[k].source, k).toMatch(/not a term read in this agreement/);
  });

  it('hk-us-1997: not operative since 19 August 2020, and a US State consents for its own prisoners (a document, no condition)', () => {
    const us = rs('hk-us-1997');
    expect(us.notes).toMatch(/Not operative since 19 August 2020/);
    expect(us.notes).toMatch(/that State's authorities must consent too/);
    expect(us.documents.value).toContainEqual({ kind: 'state-consent', direction: 'incoming', step: 'agreed', required: false });
    expect(hkParty('hk-us-1997')?.ceasesFrom).toBe('2020-08-19');
  });

  it('hk-gb: one year left at the request, a press summary; the UK reads "close ties" through its definition in the map', () => {
    const gb = rs('hk-gb');
    expect(gb.minRemaining.value).toEqual({ duration: { years: 1, months: 0, days: 0 }, effect: 'mandatory' });
    expect([gb.referenceEvent.value, gb.minRemaining.confidence]).toEqual(['request', 'S']);
    const declaration = instrumentOfRuleSet(map, 'hk-gb')?.declarations.find((d) => d.state === 'GB');
    expect(declaration).toMatchObject({ kind: 'national-definition', includes: ['close-ties'], confidence: 'S' });
  });
});
