/**
 * The sentence an administering State enforces after an incoming transfer, computed and
 * explained step by step (docs/case-format.md, `tsp enforce`):
 *
 * 1. The procedure: the one given, else the case's, else the only one the instrument allows,
 *    else continued enforcement, provisionally (ETS 112 Art. 9(1)-(2)).
 * 2. The sentence as imposed, by the sentencing State's conventions (shared/sentence).
 * 3. Each sentence against our maximum (limits.ts): kept, adapted down to it, or, for a life
 *    sentence our law does not have, left for a decision.
 * 4. A decision recorded by the officer (the court or authority that adapted or converted) is
 *    checked against the limits: one that aggravates or exceeds our maximum is refused, never
 *    applied silently (Art. 10(2), 11(1)(d); FD 2008/909 Art. 8(2)-(4)).
 * 5. Time served abroad up to the handover is credited in full; the rest is served here, and
 *    the release is projected under our rules (release.ts), never before the handover.
 *
 * Pure and synchronous, like the eligibility engine.
 */
import type { CaseFile, Sentence, Term } from '../domain/case.ts';
import type { EnforcementProcedure } from '../vocabularies.ts';
import { parseIsoDate, type DayNumber } from '../sentence/calendar.ts';
import { computeSentences, termEnd, type SentenceComputation, type Step } from '../sentence/compute.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { maximumTerm, sentenceLimits, type SentenceLimit } from './limits.ts';
import { defaultAllowedProcedures, regimeOf, sourcesOf, type AllowedProcedures } from './procedures.ts';
import { projectRelease } from './release.ts';
import type { DecisionCheck, Enforcement, EnforcementFlag, EnforcementStatus, HandoverSource, ProcedureSource, SentenceSpan } from './types.ts';

export interface EnforcementOptions {
  /** The rule-set the case is handled under; the case's own when left out. */
  ruleSetId?: string | null | undefined;
  /** The day of the physical handover; today (provisional) when not known. */
  handover?: DayNumber | null | undefined;
  /** How the handover date was known: given (CLI, a planned date) or recorded on the timeline. */
  handoverSource?: Exclude<HandoverSource, 'today'> | undefined;
  today: DayNumber;
  /** Overrides the case's procedure ("what if converted"). */
  procedure?: EnforcementProcedure | null | undefined;
  /** From the treaty map's declarations (ETS 112 Art. 3(3)); the rule-set's defaults when left out. */
  allowedProcedures?: AllowedProcedures | undefined;
  sentencingProfile?: JurisdictionProfile | undefined;
  administeringProfile?: JurisdictionProfile | undefined;
}

const day = (d: DayNumber) => ({ day: d });
const period = (t: Exclude<Term, 'life' | 'indeterminate'>) => ({ period: { years: t.years, months: t.months, days: t.days } });
const termParam = (t: Term) => (typeof t === 'string' ? t : period(t));

function spanOf(s: SentenceComputation): SentenceSpan {
  if (s.kind === 'fixed') {
    return { kind: 'fixed', start: s.start, nominalRelease: s.nominalRelease, releaseDate: s.releaseDate, sentenceExpiryDate: s.sentenceExpiryDate, termDays: s.termDays };
  }
  if (s.kind === 'indeterminate') return { kind: 'indeterminate', start: s.start };
  return { kind: 'unknown' };
}

const startOf = (s: SentenceSpan): DayNumber | null => (s.kind === 'unknown' ? null : s.start);
/** The end of a span for comparing limits: Infinity for life. */
const endOf = (s: SentenceSpan): number | null => (s.kind === 'fixed' ? s.nominalRelease : s.kind === 'indeterminate' ? Infinity : null);

function chooseProcedure(c: CaseFile, o: EnforcementOptions, allowed: AllowedProcedures): { procedure: EnforcementProcedure; source: ProcedureSource } {
  if (o.procedure != null) return { procedure: o.procedure, source: 'given' };
  const recorded = c.enforcement?.procedure;
  if (recorded != null) return { procedure: recorded, source: 'case' };
  if (allowed.continued.value !== allowed.conversion.value) return { procedure: allowed.continued.value ? 'continued' : 'conversion', source: 'only-allowed' };
  return { procedure: 'continued', source: 'default' };
}

function limitStep(l: SentenceLimit, sources: ReturnType<typeof sourcesOf>): Step {
  const common = { id: l.id, term: termParam(l.imposed), offence: l.offence ?? '' };
  switch (l.outcome) {
    case 'kept':
      return { key: l.maximum === 'life' ? 'enforce.step.limit.keptLife' : 'enforce.step.limit.kept', params: { ...common, maximum: typeof l.maximum === 'number' ? l.maximum : 0 } };
    case 'adapted':
      return { key: 'enforce.step.limit.adapted', params: { ...common, maximum: l.maximum as number, adapted: termParam(l.enforced as Term), source: sources.adaptation } };
    case 'life-kept':
      return { key: 'enforce.step.limit.lifeKept', params: common };
    case 'life-not-in-our-law':
      return { key: 'enforce.step.limit.lifeNotInOurLaw', params: { ...common, maximum: l.maximum as number } };
    case 'no-custodial-penalty':
      return { key: 'enforce.step.limit.noCustodialPenalty', params: common };
    case 'unknown':
      return { key: 'enforce.step.limit.unknown', params: { id: l.id, missing: l.missing.join(', ') } };
  }
}

export function computeEnforcement(c: CaseFile, o: EnforcementOptions): Enforcement {
  const ruleSetId = o.ruleSetId === undefined ? (c.ruleSetId ?? null) : o.ruleSetId;
  const regime = regimeOf(ruleSetId);
  const sources = sourcesOf(ruleSetId);
  const allowed = o.allowedProcedures ?? defaultAllowedProcedures(ruleSetId);
  const sentencing = o.sentencingProfile ?? profileFor(c.sentencingState);
  const administering = o.administeringProfile ?? profileFor(c.administeringState);
  const handover = o.handover ?? o.today;
  const handoverSource: HandoverSource = o.handover == null ? 'today' : (o.handoverSource ?? 'given');

  const steps: Step[] = [{ key: `enforce.step.handover.${handoverSource}`, params: { date: day(handover) } }];
  const flags = new Set<EnforcementFlag>();
  const missing: string[] = [];
  let unconfirmed = false;
  if (handoverSource === 'today') flags.add('handover_provisional');

  const { procedure, source: procedureSource } = chooseProcedure(c, o, allowed);
  const procedureParam = allowed[procedure];
  steps.push({ key: `enforce.step.procedure.${procedureSource}`, params: { procedure, source: procedureParam.source } });
  if (procedureSource === 'default') flags.add('procedure_provisional');
  if (procedureParam.confidence === 'U') unconfirmed = true;

  // The sentence as imposed, by the sentencing State's conventions; a sentence not begun is counted from the handover (C8).
  const imposedComputation = computeSentences(c.sentences, c.remandDays, sentencing, handover);
  const imposed = spanOf(imposedComputation);
  steps.push({ key: 'enforce.step.imposed', params: { profile: sentencing.name } }, ...imposedComputation.steps);
  if (imposedComputation.kind === 'unknown') missing.push(...imposedComputation.missing);
  const remandKnown = c.remandDays != null || sentencing.remandCredit.value === 'none';
  const remand = sentencing.remandCredit.value === 'none' ? 0 : (c.remandDays ?? 0);
  if (!remandKnown) {
    flags.add('remand_unknown');
    missing.push('remandDays');
  }

  // Time served abroad is a fact whatever is enforced: custody from the start to the handover, and before sentence.
  const custodyStart = startOf(imposed);
  let served: Enforcement['served'] = null;
  if (custodyStart !== null) {
    const custodyDays = Math.max(0, handover - custodyStart);
    served = { custodyDays, remandDays: remand, totalDays: custodyDays + remand };
  }

  const result = (status: EnforcementStatus, rest: Partial<Enforcement>): Enforcement => {
    if (unconfirmed || sources.confidence === 'U') flags.add('unconfirmed_parameters');
    return {
      status, regime, procedure, procedureSource, allowedProcedures: allowed, handover, handoverSource, imposed,
      sentences: [], ceilingRelease: null, decision: null, enforced: null, served, remainingDays: null, release: null,
      ...rest,
      flags: [...flags],
      missing: [...new Set(missing)],
      steps,
    };
  };

  if (!procedureParam.value) {
    flags.add('procedure_not_allowed');
    steps.push({ key: 'enforce.step.procedureNotAllowed', params: { procedure, source: procedureParam.source } });
    return result('procedure_not_allowed', {});
  }

  // Each sentence against our maximum, counted by the sentencing State's convention (the duration it determined, Art. 10(1)).
  const convention = sentencing.monthEnd.value;
  const limits = sentenceLimits(c, convention, startOf(imposed) ?? handover);
  for (const l of limits) {
    steps.push(limitStep(l, sources));
    missing.push(...l.missing);
    // Under a conversion the limits are a ceiling for the decision, not an adaptation.
    if (l.outcome === 'adapted' && procedure === 'continued') flags.add('adapted_to_our_maximum');
    if (l.outcome === 'life-not-in-our-law') flags.add('life_not_in_our_law');
    if (l.outcome === 'no-custodial-penalty') flags.add('no_custodial_penalty_in_our_law');
  }
  if (c.sentences.length > 1) {
    steps.push({ key: 'enforce.step.limit.perSentence', params: {} });
    unconfirmed = true;
  }
  const imposedPeriods = imposedComputation.kind === 'fixed' ? imposedComputation.servedPeriods.length : 0;
  const withTerms = (terms: (Term | null)[]): SentenceSpan | null => {
    if (terms.some((t) => t === null)) return null;
    const sentences: Sentence[] = c.sentences.map((s, i) => ({ ...s, term: terms[i] as Term }));
    const computed = computeSentences(sentences, c.remandDays, sentencing, handover);
    // Concurrent sentences adapted apart: a period of custody that adapting split in two (C6) is not a time at liberty.
    if (computed.kind === 'fixed' && computed.servedPeriods.length > imposedPeriods) return { kind: 'unknown' };
    return spanOf(computed);
  };
  const byLimits = withTerms(limits.map((l) => l.enforced));
  // Every sentence at our maximum: the most our law allows (a lower bound while some maximum is not recorded).
  const atMaximum = withTerms(limits.map((l) => maximumTerm(l.maximum)));
  const maximumKnown = limits.every((l) => l.maximumKnown);
  const maximumEnd = atMaximum === null ? null : endOf(atMaximum);
  const imposedEnd = endOf(imposed);
  const ceiling = imposedEnd !== null && maximumEnd !== null && maximumKnown ? Math.min(imposedEnd, maximumEnd) : null;
  const ceilingRelease = ceiling !== null && Number.isFinite(ceiling) ? ceiling : null;

  const decision = checkDecision(c, procedure, imposed, { end: maximumEnd, known: maximumKnown }, byLimits, administering, convention, steps);
  if (decision !== null) {
    if (decision.aggravates) flags.add('decision_aggravates');
    if (decision.exceedsMaximum === true) flags.add('decision_exceeds_our_maximum');
    if (decision.shorterThanComputed) flags.add('decision_shorter_than_computed');
    if (decision.countedApart) unconfirmed = true;
  }

  let enforced: Enforcement['enforced'] = null;
  let status: EnforcementStatus | null = null;
  if (decision !== null && !decision.accepted) {
    status = 'decision_refused';
  } else if (decision !== null) {
    const start = startOf(imposed) as DayNumber;
    enforced =
      decision.nominalRelease === null
        ? { kind: 'indeterminate', start, basis: 'decision' }
        : {
            kind: 'fixed', basis: 'decision', start, nominalRelease: decision.nominalRelease, releaseDate: decision.nominalRelease - remand,
            sentenceExpiryDate: decision.nominalRelease - remand - 1, termDays: decision.nominalRelease - start,
          };
  } else if (procedure === 'conversion') {
    flags.add('awaiting_decision');
    steps.push(
      ceilingRelease === null
        ? { key: 'enforce.step.conversion.awaiting', params: { source: sources.conversion } }
        : { key: 'enforce.step.conversion.awaitingLatest', params: { source: sources.conversion, latest: day(ceilingRelease) } },
    );
    status = 'needs_decision';
  } else if (limits.some((l) => l.outcome === 'life-not-in-our-law' || l.outcome === 'no-custodial-penalty')) {
    status = 'needs_decision';
  } else if (byLimits?.kind === 'unknown' && imposed.kind !== 'unknown') {
    // Concurrent sentences adapted apart: as adapted they leave time in custody under none of them (C6).
    steps.push({ key: 'enforce.step.enforced.gap', params: {} });
    status = 'needs_decision';
  } else if (byLimits !== null && byLimits.kind !== 'unknown') {
    enforced = { ...byLimits, basis: 'limits' };
    if (byLimits.kind === 'fixed') {
      const key = limits.some((l) => l.outcome === 'adapted') ? 'enforce.step.enforced.adapted' : 'enforce.step.enforced.asImposed';
      steps.push({ key, params: { source: sources.continued, start: day(byLimits.start), end: day(byLimits.nominalRelease), release: day(byLimits.releaseDate) } });
    } else {
      steps.push({ key: 'enforce.step.enforced.life', params: { source: sources.continued } });
    }
  }

  let remainingDays: number | null = null;
  let release: Enforcement['release'] = null;
  if (served !== null && custodyStart !== null) {
    steps.push({
      key: 'enforce.step.served',
      params: { start: day(custodyStart), handover: day(handover), custodyDays: served.custodyDays, remandDays: remand, totalDays: served.totalDays, source: sources.credit },
    });
  }
  if (enforced?.kind === 'fixed') {
    remainingDays = Math.max(0, enforced.releaseDate - handover);
    steps.push({ key: 'enforce.step.remaining', params: { release: day(enforced.releaseDate), handover: day(handover), days: remainingDays } });
    release = projectRelease(enforced, handover, remand, administering, steps);
    if (release.base !== null && release.baseConfidence === 'U') unconfirmed = true;
    if (release.expectedRelease <= handover) {
      flags.add('release_due_on_arrival');
      steps.push({ key: 'enforce.step.releaseOnArrival', params: { release: day(release.expectedRelease), handover: day(handover) } });
    }
    steps.push({ key: 'enforce.step.projected', params: { date: day(release.projectedRelease), profile: administering.name } });
  } else if (enforced?.kind === 'indeterminate') {
    steps.push({ key: 'enforce.step.noRelease', params: {} });
  }

  if (status === null) status = missing.length > 0 ? 'needs_information' : 'computed';
  return result(status, { sentences: limits, ceilingRelease, decision, enforced, remainingDays, release });
}

/**
 * The recorded decision against the limits: later than the sentence imposed aggravates (Art.
 * 10(2), 11(1)(d); FD 2008/909 Art. 8(4)); later than every sentence at our maximum would end
 * exceeds our maximum (Art. 10(2); for a conversion, our law's own sanction). A decided
 * term runs from the original start, so the whole time served is deducted (Art. 11(1)(c)). A
 * conversion is counted by our month-end convention (it is our sentence); continued
 * enforcement by the sentencing State's.
 */
function checkDecision(
  c: CaseFile,
  procedure: EnforcementProcedure,
  imposed: SentenceSpan,
  maximum: { end: number | null; known: boolean },
  byLimits: SentenceSpan | null,
  administering: JurisdictionProfile,
  convention: JurisdictionProfile['monthEnd']['value'],
  steps: Step[],
): DecisionCheck | null {
  const d = c.enforcement?.decision;
  if (d == null) return null;
  const start = startOf(imposed);
  const imposedEnd = endOf(imposed);
  const base = { authority: d.authority ?? null, date: d.date == null ? null : parseIsoDate(d.date), term: d.term };
  steps.push({ key: 'enforce.step.decision', params: { authority: d.authority ?? '—', date: d.date == null ? '—' : day(parseIsoDate(d.date)), term: termParam(d.term) } });
  if (start === null || imposedEnd === null) {
    // Without the imposed dates nothing can be checked: the decision is not applied.
    steps.push({ key: 'enforce.step.decision.uncheckable', params: {} });
    return { ...base, nominalRelease: null, aggravates: false, exceedsMaximum: null, shorterThanComputed: false, accepted: false, countedApart: false };
  }
  const life = d.term === 'life' || d.term === 'indeterminate';
  const decisionConvention = procedure === 'conversion' ? administering.monthEnd.value : convention;
  const term = d.term as Exclude<Term, 'life' | 'indeterminate'>;
  let nominalRelease = life ? null : termEnd(start, term, decisionConvention);
  // Counted our way, a converted term may end after the same term counted the sentencing State's way, by how month ends are
  // counted alone (2 years 6 months from 31 August: 28 February under C2, 1 March under HMPPS's). That is the term imposed,
  // not an aggravation: it holds, to the end imposed at the latest (Art. 11(1)(d)). The app's reading, so unconfirmed.
  let countedApart = false;
  if (nominalRelease !== null && nominalRelease > imposedEnd && decisionConvention !== convention && termEnd(start, term, convention) <= imposedEnd) {
    steps.push({ key: 'enforce.step.decision.countedApart', params: { end: day(nominalRelease), imposedEnd: day(imposedEnd) } });
    nominalRelease = imposedEnd;
    countedApart = true;
  }
  const end = nominalRelease ?? Infinity;
  const aggravates = end > imposedEnd;
  // Within a lower bound of our maximum is within it; beyond it, only a complete maximum tells.
  const exceedsMaximum = maximum.end === null ? null : end <= maximum.end ? false : maximum.known ? true : null;
  const computedEnd = procedure === 'continued' && byLimits !== null ? endOf(byLimits) : null;
  const shorterThanComputed = computedEnd !== null && end < computedEnd;
  if (!life && !countedApart) steps.push({ key: 'enforce.step.decision.end', params: { start: day(start), term: termParam(d.term), end: day(end) } });
  // Only a finite end can be later than another: a fixed imposed term, a fixed ceiling.
  if (aggravates) steps.push({ key: 'enforce.step.decision.aggravates', params: { imposedEnd: day(imposedEnd) } });
  if (exceedsMaximum === true) steps.push({ key: 'enforce.step.decision.exceedsMaximum', params: { latest: day(maximum.end as number) } });
  if (exceedsMaximum === null) steps.push({ key: 'enforce.step.decision.maximumUnknown', params: {} });
  const accepted = !aggravates && exceedsMaximum !== true;
  if (accepted) {
    steps.push({ key: shorterThanComputed ? 'enforce.step.decision.shorter' : 'enforce.step.decision.within', params: {} });
  }
  return { ...base, nominalRelease, aggravates, exceedsMaximum, shorterThanComputed, accepted, countedApart };
}
