/**
 * The engine's Assessment as stored and returned: every day number written as an ISO date,
 * so a stored result reads the same in any tool and does not depend on the day-number epoch.
 */
import type { StoredAssessment, StoredMessageParams } from '../../shared/api-schemas.ts';
import type { Assessment } from '../../shared/eligibility/types.ts';
import type { MessageParams } from '../../shared/sentence/compute.ts';
import { formatIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';

const iso = (day: DayNumber | null): string | null => (day === null ? null : formatIsoDate(day));

function storedParams(params: MessageParams): StoredMessageParams {
  const out: StoredMessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value !== 'object' ? value : 'day' in value ? { date: formatIsoDate(value.day) } : { period: { ...value.period } };
  }
  return out;
}

export function toStoredAssessment(a: Assessment): StoredAssessment {
  return {
    verdict: a.verdict,
    flags: [...a.flags],
    rescreenOn: iso(a.rescreenOn),
    treaty: { id: a.treaty.id, version: a.treaty.version },
    referenceDate: formatIsoDate(a.referenceDate),
    referenceSource: a.referenceSource,
    referenceEvent: a.referenceEvent as StoredAssessment['referenceEvent'],
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
    })),
    steps: a.steps.map((s) => ({ key: s.key, params: storedParams(s.params) })),
  };
}
