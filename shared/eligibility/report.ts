/**
 * The assessment as the `tsp assess --json` contract writes it (docs/case-format.md):
 * dates as ISO strings, every condition with its English explanation beside the message
 * key and parameters it was rendered from.
 */
import { formatIsoDate } from '../sentence/calendar.ts';
import type { MessageParams } from '../sentence/compute.ts';
import { formatPeriod, t, type Locale } from '../i18n/index.ts';
import type { Assessment, ConditionEffect, ConditionId, ConditionStatus, ReferenceSource, Verdict } from './types.ts';

export interface ConditionJson {
  id: ConditionId;
  status: ConditionStatus;
  effect: ConditionEffect;
  source: string;
  confidence: 'C' | 'S' | 'U';
  explanation: string;
  messageKey: string;
  params: Record<string, string | number>;
  missing: string[];
}

export interface AssessmentJson {
  verdict: Verdict;
  flags: string[];
  rescreenOn: string | null;
  treaty: { id: string; version: string };
  referenceDate: string;
  referenceSource: ReferenceSource;
  referenceEvent: string;
  referenceProvisional: boolean;
  dates: {
    releaseDate: string | null;
    sentenceExpiryDate: string | null;
    remainingDays: number | null;
    nominalReleaseDate: string | null;
    expectedDischargeDate: string | null;
    remissionDays: number | null;
    remandDays: number | null;
    termDays: number | null;
    servedDays: number | null;
    basis: string;
  };
  conditions: ConditionJson[];
  arithmetic: { text: string; messageKey: string; params: Record<string, string | number> }[];
}

const isoOrNull = (day: number | null): string | null => (day === null ? null : formatIsoDate(day));

function plainParams(params: MessageParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value !== 'object' ? value : 'day' in value ? formatIsoDate(value.day) : formatPeriod('en', value.period);
  }
  return out;
}

export function assessmentToJson(a: Assessment, locale: Locale = 'en'): AssessmentJson {
  return {
    verdict: a.verdict,
    flags: a.flags,
    rescreenOn: isoOrNull(a.rescreenOn),
    treaty: a.treaty,
    referenceDate: formatIsoDate(a.referenceDate),
    referenceSource: a.referenceSource,
    referenceEvent: a.referenceEvent,
    referenceProvisional: a.referenceSource === 'today',
    dates: {
      releaseDate: isoOrNull(a.dates.releaseDate),
      sentenceExpiryDate: isoOrNull(a.dates.sentenceExpiryDate),
      remainingDays: a.dates.remainingDays,
      nominalReleaseDate: isoOrNull(a.dates.nominalReleaseDate),
      expectedDischargeDate: isoOrNull(a.dates.expectedDischargeDate),
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
      explanation: t(locale, c.messageKey, c.params),
      messageKey: c.messageKey,
      params: plainParams(c.params),
      missing: c.missing,
    })),
    arithmetic: a.steps.map((s) => ({ text: t(locale, s.key, s.params), messageKey: s.key, params: plainParams(s.params) })),
  };
}
