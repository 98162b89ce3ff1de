/**
 * The sentence enforced after an incoming transfer: continued enforcement and its adaptation
 * (ETS 112 Art. 10), conversion (Art. 11), recognition and adaptation under FD 2008/909 Art. 8,
 * the time served abroad credited, and the release projected under our rules.
 */
import { describe, expect, it } from 'vitest';
import { parseCase, type CaseFile } from '../domain/case.ts';
import { t } from '../i18n/index.ts';
import { formatIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { computeEnforcement, type EnforcementOptions } from './compute.ts';
import type { Enforcement } from './types.ts';

const d = parseIsoDate;
const iso = formatIsoDate;
const TODAY = d('2026-11-29');
const HK = profileFor('HK');

/** A Hong Kong resident sentenced in Thailand to 6 years from 2021-02-01 for O1, handed over on 2024-06-01. */
function incoming(patch: Record<string, unknown> = {}): CaseFile {
  const parsed = parseCase({
    format: 'tsp-case/1',
    sentencingState: 'TH',
    administeringState: 'PL', // no profile: no remission, so the dates show the limits alone
    direction: 'incoming',
    ruleSetId: 'coe-ets-112',
    person: { familyName: 'CHAN' },
    sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }],
    remandDays: 0,
    offences: [{ id: 'O1', description: 'Possession of a dangerous drug', administeringMaxPenaltyMonths: 120 }],
    ...patch,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const run = (c: CaseFile, options: Partial<EnforcementOptions> = {}): Enforcement =>
  computeEnforcement(c, { today: TODAY, handover: d('2024-06-01'), ...options });

function fixedEnforced(e: Enforcement) {
  if (e.enforced?.kind !== 'fixed') throw new Error(`expected a fixed enforced term, got ${JSON.stringify(e.enforced)}`);
  return e.enforced;
}

describe('continued enforcement (ETS 112 Art. 10)', () => {
  it('a term within our maximum is kept as imposed, with the dates the sentence arithmetic gives', () => {
    const e = run(incoming());
    expect(e.status).toBe('computed');
    expect(e.sentences[0]).toMatchObject({ outcome: 'kept', maximum: 120, offence: 'O1', enforced: { years: 6, months: 0, days: 0 } });
    const enforced = fixedEnforced(e);
    expect(iso(enforced.releaseDate)).toBe('2027-02-01');
    expect(e.imposed.kind === 'fixed' && iso(e.imposed.releaseDate)).toBe('2027-02-01');
    expect(e.flags).not.toContain('adapted_to_our_maximum');
  });

  it('a term longer than our maximum is adapted down to it, never below (Art. 10(2))', () => {
    const e = run(incoming({ offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] }));
    expect(e.status).toBe('computed');
    expect(e.sentences[0]).toMatchObject({ outcome: 'adapted', maximum: 48, enforced: { years: 4, months: 0, days: 0 } });
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2025-02-01');
    expect(e.flags).toContain('adapted_to_our_maximum');
  });

  it('a term of exactly our maximum is within it', () => {
    const e = run(incoming({ offences: [{ id: 'O1', administeringMaxPenaltyMonths: 72 }] }));
    expect(e.sentences[0]?.outcome).toBe('kept');
  });

  it('days beyond the months count: 47 months and 29 days from 2021-02-01 end after 48 months in a 28-day February year', () => {
    // 2021-02-01 + 47 months = 2025-01-01, + 29 days = 2025-01-30; 48 months = 2025-02-01: within.
    const within = run(incoming({ sentences: [{ id: 'S1', start: '2021-02-01', term: { months: 47, days: 29 }, offences: ['O1'] }], offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] }));
    expect(within.sentences[0]?.outcome).toBe('kept');
    // From 2021-01-01: 47 months = 2024-12-01, + 32 days = 2025-01-02; 48 months = 2025-01-01: one day over.
    const over = run(incoming({ sentences: [{ id: 'S1', start: '2021-01-01', term: { months: 47, days: 32 }, offences: ['O1'] }], offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] }));
    expect(over.sentences[0]?.outcome).toBe('adapted');
  });

  it('our maximum not recorded: needs information, naming the field; nothing is enforced on a guess', () => {
    const e = run(incoming({ offences: [{ id: 'O1' }] }));
    expect(e.status).toBe('needs_information');
    expect(e.missing).toEqual(['offences[0].administeringMaxPenaltyMonths']);
    expect(e.enforced).toBeNull();
  });

  it('a known maximum the term does not exceed settles it, though another offence of the sentence has none recorded', () => {
    const e = run(incoming({
      sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1', 'O2'] }],
      offences: [{ id: 'O1', administeringMaxPenaltyMonths: 96 }, { id: 'O2' }],
    }));
    expect(e.status).toBe('computed');
    expect(e.sentences[0]).toMatchObject({ outcome: 'kept', maximum: 96, offence: 'O1' });
  });

  it('a sentence takes the highest maximum among its offences; a consecutive one starts when the adapted one ends (C6)', () => {
    const e = run(incoming({
      sentences: [
        { id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1', 'O2'] },
        { id: 'S2', term: { years: 2 }, consecutiveTo: 'S1', offences: ['O3'] },
      ],
      offences: [{ id: 'O1', administeringMaxPenaltyMonths: 36 }, { id: 'O2', administeringMaxPenaltyMonths: 60 }, { id: 'O3', administeringMaxPenaltyMonths: 12 }],
    }));
    expect(e.sentences.map((l) => [l.id, l.outcome, l.maximum, l.offence])).toEqual([
      ['S1', 'adapted', 60, 'O2'],
      ['S2', 'adapted', 12, 'O3'],
    ]);
    // S1: 5 years from 2021-02-01 = 2026-02-01; S2: 1 year from there = 2027-02-01.
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2027-02-01');
    expect(e.flags).toContain('unconfirmed_parameters'); // the per-sentence reading is the app's
    expect(e.steps.map((s) => s.key)).toContain('enforce.step.limit.perSentence');
  });

  it('concurrent sentences that adapting would leave apart, with custody under neither between them, are left for a decision', () => {
    // S1 6 y from 2021-02-01 adapted to 1 y (ends 2022-02-01); S2 from 2023-01-01: a gap the person spent in custody.
    const e = run(incoming({
      sentences: [
        { id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] },
        { id: 'S2', start: '2023-01-01', term: { years: 2 }, offences: ['O2'] },
      ],
      offences: [{ id: 'O1', administeringMaxPenaltyMonths: 12 }, { id: 'O2', administeringMaxPenaltyMonths: 60 }],
    }));
    expect(e.imposed.kind).toBe('fixed');
    expect(e.status).toBe('needs_decision');
    expect(e.enforced).toBeNull();
    expect(e.steps.map((s) => s.key)).toContain('enforce.step.enforced.gap');
  });

  it('sentences imposed in two periods of custody: the last is enforced, and time served counts from its start (C6)', () => {
    // S1 1 y from 2018-01-01 (free 2019-01-01), served before S2: 5 y from 2021-02-01 -> 2026-02-01.
    // Served by the handover 2024-06-01: 2021-02-01 -> 2024-02-01 = 3 x 365, then Feb 29 + Mar 31 + Apr 30 + May 31 = 121: 1216 days.
    const e = run(incoming({
      sentences: [
        { id: 'S1', start: '2018-01-01', term: { years: 1 }, offences: ['O1'] },
        { id: 'S2', start: '2021-02-01', term: { years: 5 }, offences: ['O1'] },
      ],
    }));
    expect(e.status).toBe('computed');
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2026-02-01');
    expect(e.served).toEqual({ custodyDays: 1216, remandDays: 0, totalDays: 1216 });
  });

  it('a life sentence where our law provides life for the offence is enforced as life, with no release date', () => {
    const e = run(incoming({ sentences: [{ id: 'S1', start: '2021-02-01', term: 'life', offences: ['O1'] }], offences: [{ id: 'O1', administeringMaxPenaltyMonths: 'life' }] }));
    expect(e.status).toBe('computed');
    expect(e.enforced).toMatchObject({ kind: 'indeterminate', basis: 'limits' });
    expect(e.release).toBeNull();
    expect(e.served).toEqual({ custodyDays: d('2024-06-01') - d('2021-02-01'), remandDays: 0, totalDays: d('2024-06-01') - d('2021-02-01') });
  });

  it('a life sentence where our law has none for the offence is flagged for a decision, not computed', () => {
    const e = run(incoming({ sentences: [{ id: 'S1', start: '2021-02-01', term: 'life', offences: ['O1'] }], offences: [{ id: 'O1', administeringMaxPenaltyMonths: 240 }] }));
    expect(e.status).toBe('needs_decision');
    expect(e.flags).toContain('life_not_in_our_law');
    expect(e.enforced).toBeNull();
    expect(e.sentences[0]).toMatchObject({ outcome: 'life-not-in-our-law', maximum: 240, maximumKnown: true });
    expect(iso(e.ceilingRelease!)).toBe('2041-02-01');
  });

  it('an offence our law does not punish with deprivation of liberty (maximum 0) is left for a decision', () => {
    const e = run(incoming({ offences: [{ id: 'O1', administeringMaxPenaltyMonths: 0 }] }));
    expect(e.status).toBe('needs_decision');
    expect(e.flags).toContain('no_custodial_penalty_in_our_law');
  });

  it('an adaptation decision shorter than the limits allow is applied and noted', () => {
    const e = run(incoming({
      offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }],
      enforcement: { procedure: 'continued', decision: { authority: 'District Court', date: '2024-05-20', term: { years: 3 } } },
    }));
    expect(e.status).toBe('computed');
    expect(e.decision).toMatchObject({ accepted: true, shorterThanComputed: true });
    expect(e.flags).toContain('decision_shorter_than_computed');
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2024-02-01');
    expect(e.enforced?.basis).toBe('decision');
  });
});

describe('conversion (ETS 112 Art. 11)', () => {
  const converted = (term: unknown, patch: Record<string, unknown> = {}) =>
    run(incoming({ remandDays: 30, enforcement: { procedure: 'conversion', decision: { authority: 'Court of Appeal', date: '2024-07-15', term } }, ...patch }));

  it('without its decision: needs a decision, and says the latest the converted sentence may run to', () => {
    const e = run(incoming({ enforcement: { procedure: 'conversion' } }));
    expect(e.status).toBe('needs_decision');
    expect(e.flags).toContain('awaiting_decision');
    expect(iso(e.ceilingRelease!)).toBe('2027-02-01');
    expect(e.steps.map((s) => s.key)).toContain('enforce.step.conversion.awaitingLatest');
    expect(e.served).toEqual({ custodyDays: 1216, remandDays: 0, totalDays: 1216 }); // what was served abroad is shown all the same
  });

  it('credits the whole time served: the decided term runs from the original start, less pre-trial custody', () => {
    const e = converted({ years: 5 });
    expect(e.status).toBe('computed');
    const enforced = fixedEnforced(e);
    // 2021-02-01 + 5 y = 2026-02-01, − 30 days = 2026-01-02.
    expect(iso(enforced.releaseDate)).toBe('2026-01-02');
    expect(e.served).toEqual({ custodyDays: 1216, remandDays: 30, totalDays: 1246 });
    expect(e.remainingDays).toBe(d('2026-01-02') - d('2024-06-01'));
    expect(e.served!.totalDays + e.remainingDays!).toBe(enforced.termDays);
  });

  it('is not bound by our minimum: a term far below the sentence imposed is accepted', () => {
    expect(converted({ years: 1 }).status).toBe('computed');
  });

  it('a decision longer than the sentence imposed aggravates: refused and flagged, never applied', () => {
    const e = converted({ years: 7 });
    expect(e.status).toBe('decision_refused');
    expect(e.flags).toContain('decision_aggravates');
    expect(e.decision).toMatchObject({ aggravates: true, accepted: false });
    expect(e.enforced).toBeNull();
    expect(e.remainingDays).toBeNull();
  });

  it('one day longer than the sentence imposed already aggravates', () => {
    expect(converted({ years: 6, days: 1 }).decision?.aggravates).toBe(true);
    expect(converted({ years: 6 }).decision?.aggravates).toBe(false);
  });

  it('the same term, ending later only by how our law counts month ends, does not aggravate: held to the end imposed, marked unconfirmed', () => {
    // Sentenced in Thailand (default profile, C2) to 2 years 6 months from 2022-08-31: 2022-08-31 + 30 months = 2025-02-31,
    // clamped to 2025-02-28. Converted in Great Britain (HMPPS counting) into 2 years 6 months: it ends 2025-03-01 there.
    const gb = profileFor('GB');
    const sameTerm = (term: unknown) => run(incoming({
      administeringState: 'GB',
      sentences: [{ id: 'S1', start: '2022-08-31', term: { years: 2, months: 6 }, offences: ['O1'] }],
      enforcement: { procedure: 'conversion', decision: { authority: 'Crown Court', date: '2024-07-15', term } },
    }), { administeringProfile: gb });
    const e = sameTerm({ years: 2, months: 6 });
    expect(e.imposed.kind === 'fixed' && iso(e.imposed.nominalRelease)).toBe('2025-02-28');
    expect(e.status).not.toBe('decision_refused');
    expect(e.flags).not.toContain('decision_aggravates');
    expect(e.decision).toMatchObject({ aggravates: false, accepted: true });
    expect(iso(fixedEnforced(e).nominalRelease)).toBe('2025-02-28');
    expect(e.steps.find((s) => s.key === 'enforce.step.decision.countedApart')?.params).toMatchObject({ end: { day: d('2025-03-01') }, imposedEnd: { day: d('2025-02-28') } });
    expect(e.flags).toContain('unconfirmed_parameters');
    // A day more than the same term, counted either way, still aggravates.
    expect(sameTerm({ years: 2, months: 6, days: 1 }).decision?.aggravates).toBe(true);
  });

  it('a decision beyond the sentence imposed but within our maximum aggravates, and only that', () => {
    const e = converted({ years: 6, months: 6 }, { offences: [{ id: 'O1', administeringMaxPenaltyMonths: 120 }] });
    expect(e.flags).toContain('decision_aggravates');
    expect(e.flags).not.toContain('decision_exceeds_our_maximum');
  });

  it('a decision within the sentence imposed but beyond our maximum is refused as exceeding it', () => {
    const e = converted({ years: 5 }, { offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] });
    expect(e.status).toBe('decision_refused');
    expect(e.flags).toEqual(expect.arrayContaining(['decision_exceeds_our_maximum']));
    expect(e.flags).not.toContain('decision_aggravates');
  });

  it('a custodial decision where our law prescribes no deprivation of liberty exceeds our maximum: refused', () => {
    const e = converted({ months: 1 }, { offences: [{ id: 'O1', administeringMaxPenaltyMonths: 0 }] });
    expect(e.status).toBe('decision_refused');
    expect(e.flags).toContain('decision_exceeds_our_maximum');
  });

  it('a life sentence our law does not have, converted within our maximum, is computed from the decision', () => {
    const e = run(incoming({
      sentences: [{ id: 'S1', start: '2021-02-01', term: 'life', offences: ['O1'] }],
      offences: [{ id: 'O1', administeringMaxPenaltyMonths: 240 }],
      enforcement: { procedure: 'conversion', decision: { authority: 'Court of First Instance', date: '2024-07-01', term: { years: 20 } } },
    }));
    expect(e.status).toBe('computed');
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2041-02-01');
    expect(e.flags).toContain('life_not_in_our_law');
  });

  it('a State that excluded conversion by declaration (Art. 3(3)) leaves it closed', () => {
    const e = run(incoming({ enforcement: { procedure: 'conversion' } }), {
      allowedProcedures: {
        continued: { value: true, source: 'ETS 112 Art. 9(1)(a)', confidence: 'C' },
        conversion: { value: false, source: 'Declaration under ETS 112 Art. 3(3)', confidence: 'C' },
      },
    });
    expect(e.status).toBe('procedure_not_allowed');
    expect(e.flags).toContain('procedure_not_allowed');
  });
});

describe('FD 2008/909 Art. 8: recognition, adaptation only', () => {
  const eu = (patch: Record<string, unknown> = {}) => run(incoming({ sentencingState: 'DE', administeringState: 'NL', ruleSetId: 'eu-fd-2008-909', ...patch }));

  it('continued enforcement is the only procedure: chosen without the officer choosing', () => {
    const e = eu();
    expect(e.procedure).toBe('continued');
    expect(e.procedureSource).toBe('only-allowed');
    expect(e.flags).not.toContain('procedure_provisional');
  });

  it('a duration beyond our maximum is reduced to that maximum', () => {
    const e = eu({ offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] });
    expect(e.sentences[0]).toMatchObject({ outcome: 'adapted', enforced: { years: 4, months: 0, days: 0 } });
    expect(e.steps.find((s) => s.key === 'enforce.step.limit.adapted')?.params.source).toContain('FD 2008/909 Art. 8(2)');
  });

  it('conversion is not open', () => {
    expect(eu({ enforcement: { procedure: 'conversion' } }).status).toBe('procedure_not_allowed');
  });
});

describe('procedure and handover', () => {
  it('with no procedure chosen and both open, continued enforcement is assumed, provisionally', () => {
    const e = run(incoming());
    expect(e.procedure).toBe('continued');
    expect(e.flags).toContain('procedure_provisional');
  });

  it('a procedure given overrides the one recorded in the case', () => {
    const e = run(incoming({ enforcement: { procedure: 'conversion' } }), { procedure: 'continued' });
    expect([e.procedure, e.procedureSource]).toEqual(['continued', 'given']);
  });

  it('no handover date: today, marked provisional', () => {
    const e = computeEnforcement(incoming(), { today: TODAY });
    expect(iso(e.handover)).toBe('2026-11-29');
    expect(e.handoverSource).toBe('today');
    expect(e.flags).toContain('handover_provisional');
  });

  it('pre-trial custody not recorded: flagged and named, dates before any credit', () => {
    const e = run(incoming({ remandDays: null }));
    expect(e.status).toBe('needs_information');
    expect(e.flags).toContain('remand_unknown');
    expect(e.missing).toContain('remandDays');
    expect(iso(fixedEnforced(e).releaseDate)).toBe('2027-02-01');
  });
});

describe('release under our rules', () => {
  const hk = (base: 'whole-term' | 'part-served-here'): JurisdictionProfile => ({ ...HK, transferredRemission: { value: base, source: 'test', confidence: 'U' } });
  const toHongKong = (handover: string, base: 'whole-term' | 'part-served-here') =>
    run(incoming({ administeringState: 'HK', ruleSetId: 'hk-th' }), { handover: d(handover), administeringProfile: hk(base) });

  it('remission on the whole enforced term: one third of 2191 days (r. 69)', () => {
    const e = toHongKong('2024-06-01', 'whole-term');
    // T = 2021-02-01 → 2027-02-01 = 2191 days; R = min(730, 2191 − 31) = 730; 2027-02-01 − 730 days = 2025-02-01.
    expect(e.release).toMatchObject({ remissionDays: 730, base: 'whole-term' });
    expect(iso(e.release!.projectedRelease)).toBe('2025-02-01');
  });

  it('remission on the part served here only: one third of the days from the handover', () => {
    const e = toHongKong('2024-06-01', 'part-served-here');
    // Here: 2024-06-01 → 2027-02-01 = 975 days; R = min(325, 944) = 325; 2027-02-01 − 325 days = 2026-03-13.
    expect(e.release).toMatchObject({ remissionDays: 325, base: 'part-served-here' });
    expect(iso(e.release!.projectedRelease)).toBe('2026-03-13');
  });

  it('remission that would release before the handover releases on arrival, never before', () => {
    const e = toHongKong('2025-06-01', 'whole-term');
    expect(iso(e.release!.expectedRelease)).toBe('2025-02-01');
    expect(iso(e.release!.projectedRelease)).toBe('2025-06-01');
    expect(e.flags).toContain('release_due_on_arrival');
  });

  it('the unconfirmed base of remission on a transferred sentence is flagged', () => {
    expect(toHongKong('2024-06-01', 'whole-term').flags).toContain('unconfirmed_parameters');
  });

  it('without remission in our law, the release is the enforced release date', () => {
    const e = run(incoming());
    expect(e.release).toMatchObject({ remissionDays: 0, base: null });
    expect(iso(e.release!.projectedRelease)).toBe('2027-02-01');
  });
});

describe('explanations', () => {
  it('every step has its message in both languages', () => {
    const cases = [
      run(incoming({ offences: [{ id: 'O1', administeringMaxPenaltyMonths: 48 }] })),
      run(incoming({ remandDays: 30, enforcement: { procedure: 'conversion', decision: { authority: 'X', date: '2024-07-15', term: { years: 7 } } } })),
      run(incoming({ sentences: [{ id: 'S1', start: '2021-02-01', term: 'life', offences: ['O1'] }] })),
      run(incoming({ administeringState: 'HK' }), { handover: d('2025-06-01') }),
    ];
    for (const e of cases) {
      for (const s of e.steps) {
        for (const locale of ['en', 'zh-Hant'] as const) {
          const text = t(locale, s.key, s.params);
          expect(text, `${locale} ${s.key}`).not.toBe(s.key);
          expect(text, `${locale} ${s.key}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});
