/**
 * The engine's Assessment written out: day numbers as ISO dates, message parameters kept
 * typed (`{ date }`, `{ period }`) so a stored result can be rendered again in any language.
 * `toStoredAssessment` is what an assessment's result reads back as; the store keeps it as two
 * documents, `toStoredDocuments` (stored-result.ts); `assessmentToJson` is the `tsp assess
 * --json` contract (docs/case-format.md): the same, with each explanation rendered.
 */
import type { StoredAssessment } from '../api-schemas.ts';
import { storedParams, type StoredMessageParams } from '../messages.ts';
import { t, type Locale } from '../i18n/index.ts';
import { withSourceIn } from '../i18n/sources.ts';
import { formatIsoDate, type DayNumber } from '../sentence/calendar.ts';
import type { LawTexts, StoredOutcome } from './stored-result.ts';
import type { Assessment } from './types.ts';

const iso = (day: DayNumber | null): string | null => (day === null ? null : formatIsoDate(day));

/**
 * The result an assessment reads back as: its two documents joined, keys in the order the store
 * has always written them. Built in that order directly (the route finder writes one for every
 * case it screens): the same object as joinResult of toStoredDocuments, which a test holds it to.
 */
export function toStoredAssessment(a: Assessment): StoredAssessment {
  return {
    verdict: a.verdict,
    flags: [...a.flags],
    rescreenOn: iso(a.rescreenOn),
    transferWindow: windowOf(a),
    treaty: { id: a.treaty.id, version: a.treaty.version },
    treatyMap: { version: a.treatyMap.version, hash: a.treatyMap.hash },
    referenceDate: formatIsoDate(a.referenceDate),
    referenceSource: a.referenceSource,
    referenceEvent: a.referenceEvent,
    dates: datesOf(a),
    conditions: a.conditions.map((c) => ({
      id: c.id,
      status: c.status,
      effect: c.effect,
      source: c.source,
      confidence: c.confidence,
      messageKey: c.messageKey,
      params: storedParams(c.params),
      missing: [...c.missing],
      flags: [...c.flags],
      clearsOn: iso(c.clearsOn),
      ...(c.holdsFrom == null ? {} : { holdsFrom: formatIsoDate(c.holdsFrom) }),
    })),
    steps: stepsOf(a),
  };
}

const windowOf = (a: Assessment): StoredOutcome['transferWindow'] =>
  a.transferWindow === null ? null : { from: formatIsoDate(a.transferWindow.from), to: iso(a.transferWindow.to) };

const datesOf = (a: Assessment): StoredOutcome['dates'] => ({
  releaseDate: iso(a.dates.releaseDate),
  sentenceExpiryDate: iso(a.dates.sentenceExpiryDate),
  remainingDays: a.dates.remainingDays,
  nominalReleaseDate: iso(a.dates.nominalReleaseDate),
  expectedDischargeDate: iso(a.dates.expectedDischargeDate),
  remissionDays: a.dates.remissionDays,
  remandDays: a.dates.remandDays,
  termDays: a.dates.termDays,
  servedDays: a.dates.servedDays,
  basis: a.dates.basis,
});

const stepsOf = (a: Assessment): StoredOutcome['steps'] => a.steps.map((s) => ({ key: s.key, params: storedParams(s.params) }));

/**
 * The result as the store keeps it: its outcome and its law's texts, built apart (no result
 * object to take apart); joinResult puts the texts back in their places.
 */
export function toStoredDocuments(a: Assessment): { outcome: StoredOutcome; texts: LawTexts } {
  return {
    outcome: {
      verdict: a.verdict,
      flags: [...a.flags],
      rescreenOn: iso(a.rescreenOn),
      transferWindow: windowOf(a),
      referenceDate: formatIsoDate(a.referenceDate),
      referenceSource: a.referenceSource,
      referenceEvent: a.referenceEvent,
      dates: datesOf(a),
      conditions: a.conditions.map((c) => ({
        id: c.id,
        status: c.status,
        effect: c.effect,
        messageKey: c.messageKey,
        params: storedParams(c.params),
        missing: [...c.missing],
        flags: [...c.flags],
        clearsOn: iso(c.clearsOn),
        ...(c.holdsFrom == null ? {} : { holdsFrom: formatIsoDate(c.holdsFrom) }),
      })),
      steps: stepsOf(a),
    },
    texts: {
      treaty: { id: a.treaty.id, version: a.treaty.version },
      treatyMap: { version: a.treatyMap.version, hash: a.treatyMap.hash },
      sources: a.conditions.map((c) => [c.source, c.confidence]),
    },
  };
}

type StoredCondition = StoredAssessment['conditions'][number];

export interface AssessmentJson extends Omit<StoredAssessment, 'conditions' | 'steps'> {
  referenceProvisional: boolean;
  conditions: (StoredCondition & { explanation: string })[];
  arithmetic: { text: string; messageKey: string; params: StoredMessageParams }[];
}

export function assessmentToJson(a: Assessment, locale: Locale = 'en'): AssessmentJson {
  const { steps, conditions, ...rest } = toStoredAssessment(a);
  return {
    ...rest,
    referenceProvisional: a.referenceSource === 'today',
    conditions: conditions.map((c, i) => {
      const source = a.conditions[i] as Assessment['conditions'][number];
      return { ...c, explanation: t(locale, source.messageKey, withSourceIn(source.params, locale)) };
    }),
    arithmetic: steps.map((s, i) => {
      const step = a.steps[i] as Assessment['steps'][number];
      return { text: t(locale, step.key, withSourceIn(step.params, locale)), messageKey: s.key, params: s.params };
    }),
  };
}
