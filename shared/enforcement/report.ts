/**
 * An enforcement computation written out: day numbers as ISO dates, message parameters kept
 * typed so the steps can be rendered again in any language. `toStoredEnforcement` is what the
 * app's channel returns; `enforcementToJson` is the `tsp enforce --json` contract
 * (docs/case-format.md): the same, with each step rendered.
 */
import { storedParams, type StoredMessageParams } from '../messages.ts';
import type { Term } from '../domain/case.ts';
import type { EnforcementProcedure } from '../vocabularies.ts';
import { t, type Locale } from '../i18n/index.ts';
import { formatIsoDate, type DayNumber } from '../sentence/calendar.ts';
import type { TransferredRemissionBase } from '../sentence/profile.ts';
import type { Confidence } from '../treaties/confidence.ts';
import type { LimitOutcome, Maximum } from './limits.ts';
import type { AllowedProcedures, Regime } from './procedures.ts';
import type { Enforcement, EnforcementFlag, EnforcementStatus, HandoverSource, ProcedureSource, SentenceSpan } from './types.ts';

const iso = (day: DayNumber | null): string | null => (day === null ? null : formatIsoDate(day));

export type StoredSpan =
  | { kind: 'fixed'; start: string; nominalRelease: string; releaseDate: string; sentenceExpiryDate: string; termDays: number }
  | { kind: 'indeterminate'; start: string | null }
  | { kind: 'unknown' };

export interface StoredEnforcement {
  status: EnforcementStatus;
  regime: Regime;
  procedure: EnforcementProcedure;
  procedureSource: ProcedureSource;
  allowedProcedures: AllowedProcedures;
  handover: string;
  handoverSource: HandoverSource;
  imposed: StoredSpan;
  sentences: { id: string; imposed: Term; maximum: Maximum | null; maximumKnown: boolean; offence: string | null; outcome: LimitOutcome; enforced: Term | null; missing: string[] }[];
  ceilingRelease: string | null;
  decision: {
    authority: string | null; date: string | null; term: Term; nominalRelease: string | null;
    aggravates: boolean; exceedsMaximum: boolean | null; shorterThanComputed: boolean; accepted: boolean;
  } | null;
  enforced: (StoredSpan & { basis: 'limits' | 'decision' }) | null;
  served: { custodyDays: number; remandDays: number; totalDays: number } | null;
  remainingDays: number | null;
  release: {
    remissionDays: number; base: TransferredRemissionBase | null; baseSource: string | null; baseConfidence: Confidence | null;
    expectedRelease: string; projectedRelease: string;
  } | null;
  flags: EnforcementFlag[];
  missing: string[];
  steps: { key: string; params: StoredMessageParams }[];
}

function span(s: SentenceSpan): StoredSpan {
  if (s.kind === 'fixed') {
    return { kind: 'fixed', start: formatIsoDate(s.start), nominalRelease: formatIsoDate(s.nominalRelease), releaseDate: formatIsoDate(s.releaseDate), sentenceExpiryDate: formatIsoDate(s.sentenceExpiryDate), termDays: s.termDays };
  }
  if (s.kind === 'indeterminate') return { kind: 'indeterminate', start: iso(s.start) };
  return { kind: 'unknown' };
}

const copyTerm = <T extends Term | null>(term: T): T => (term === null || typeof term === 'string' ? term : ({ ...(term as object) } as T));

export function toStoredEnforcement(e: Enforcement): StoredEnforcement {
  const d = e.decision;
  const r = e.release;
  return {
    status: e.status,
    regime: e.regime,
    procedure: e.procedure,
    procedureSource: e.procedureSource,
    allowedProcedures: { continued: { ...e.allowedProcedures.continued }, conversion: { ...e.allowedProcedures.conversion } },
    handover: formatIsoDate(e.handover),
    handoverSource: e.handoverSource,
    imposed: span(e.imposed),
    sentences: e.sentences.map((l) => ({
      id: l.id, imposed: copyTerm(l.imposed), maximum: l.maximum, maximumKnown: l.maximumKnown, offence: l.offence, outcome: l.outcome,
      enforced: copyTerm(l.enforced), missing: [...l.missing],
    })),
    ceilingRelease: iso(e.ceilingRelease),
    decision:
      d === null
        ? null
        : {
            authority: d.authority, date: iso(d.date), term: copyTerm(d.term), nominalRelease: iso(d.nominalRelease),
            aggravates: d.aggravates, exceedsMaximum: d.exceedsMaximum, shorterThanComputed: d.shorterThanComputed, accepted: d.accepted,
          },
    enforced: e.enforced === null ? null : { ...span(e.enforced), basis: e.enforced.basis },
    served: e.served === null ? null : { ...e.served },
    remainingDays: e.remainingDays,
    release:
      r === null
        ? null
        : {
            remissionDays: r.remissionDays, base: r.base, baseSource: r.baseSource, baseConfidence: r.baseConfidence,
            expectedRelease: formatIsoDate(r.expectedRelease), projectedRelease: formatIsoDate(r.projectedRelease),
          },
    flags: [...e.flags],
    missing: [...e.missing],
    steps: e.steps.map((s) => ({ key: s.key, params: storedParams(s.params) })),
  };
}

export interface EnforcementJson extends Omit<StoredEnforcement, 'steps'> {
  handoverProvisional: boolean;
  arithmetic: { text: string; messageKey: string; params: StoredMessageParams }[];
}

export function enforcementToJson(e: Enforcement, locale: Locale = 'en'): EnforcementJson {
  const { steps, ...rest } = toStoredEnforcement(e);
  return {
    ...rest,
    handoverProvisional: e.handoverSource === 'today',
    arithmetic: steps.map((s, i) => {
      const step = e.steps[i] as Enforcement['steps'][number];
      return { text: t(locale, step.key, step.params), messageKey: s.key, params: s.params };
    }),
  };
}
