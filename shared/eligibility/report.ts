/**
 * The engine's Assessment written out: day numbers as ISO dates, message parameters kept
 * typed (`{ date }`, `{ period }`) so a stored result can be rendered again in any language.
 * `toStoredAssessment` is what the store keeps; `assessmentToJson` is the `tsp assess --json`
 * contract (docs/case-format.md): the same, with each explanation rendered.
 */
import type { StoredAssessment } from '../api-schemas.ts';
import { storedParams, type MessageParams, type StoredMessageParams } from '../messages.ts';
import { t, type Locale } from '../i18n/index.ts';
import { formatIsoDate, type DayNumber } from '../sentence/calendar.ts';
import type { Assessment } from './types.ts';

const iso = (day: DayNumber | null): string | null => (day === null ? null : formatIsoDate(day));

export function toStoredAssessment(a: Assessment): StoredAssessment {
  return {
    verdict: a.verdict,
    flags: [...a.flags],
    rescreenOn: iso(a.rescreenOn),
    transferWindow: a.transferWindow === null ? null : { from: formatIsoDate(a.transferWindow.from), to: iso(a.transferWindow.to) },
    treaty: { id: a.treaty.id, version: a.treaty.version },
    treatyMap: { version: a.treatyMap.version, hash: a.treatyMap.hash },
    referenceDate: formatIsoDate(a.referenceDate),
    referenceSource: a.referenceSource,
    referenceEvent: a.referenceEvent,
    dates: {
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
    },
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
    steps: a.steps.map((s) => ({ key: s.key, params: storedParams(s.params) })),
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
      return { ...c, explanation: t(locale, source.messageKey, source.params) };
    }),
    arithmetic: steps.map((s, i) => {
      const step = a.steps[i] as Assessment['steps'][number];
      return { text: t(locale, step.key, step.params), messageKey: s.key, params: s.params };
    }),
  };
}
