/**
 * A varied, deterministic set of parsed cases for the engine benchmark: every built-in
 * rule-set, fixed and life terms, consecutive chains, remand, remission jurisdictions, unknowns.
 */
import { parseCase, type CaseFile } from '../shared/domain/case.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STATES = ['HK', 'GB', 'NL', 'TH', 'US', 'RU', 'IT', 'BR', 'DE', 'PH'] as const;

export function benchCases(n: number, seed = 42): CaseFile[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const iso = (year: number) => `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const out: CaseFile[] = [];
  for (let i = 0; i < n; i++) {
    const sentencing = pick(STATES);
    let administering = pick(STATES);
    if (administering === sentencing) administering = 'RU';
    const chain = 1 + Math.floor(random() * 3);
    const life = random() < 0.05;
    const sentences = Array.from({ length: chain }, (_, k) => ({
      id: `S${k + 1}`,
      start: k === 0 ? iso(2015 + Math.floor(random() * 9)) : null,
      term: life && k === 0 ? 'life' : { years: Math.floor(random() * 8), months: Math.floor(random() * 12), days: 1 + Math.floor(random() * 20) },
      consecutiveTo: k === 0 ? null : `S${k}`,
      offences: [`O${k + 1}`],
    }));
    const parsed = parseCase({
      format: 'tsp-case/1',
      sentencingState: sentencing,
      administeringState: administering,
      person: { familyName: `PERSON${i}`, nationalities: random() < 0.9 ? [administering] : null, permanentResidence: [], livesIn: administering, dateOfBirth: '1980-01-01' },
      judgment: { final: random() < 0.9, appealPending: false, otherProceedingsPending: random() < 0.1, deathSentence: false },
      sentences,
      remandDays: random() < 0.8 ? Math.floor(random() * 400) : null,
      offences: sentences.map((s) => ({
        id: s.offences[0],
        categories: random() < 0.5 ? ['eu:illicit-trafficking-narcotics'] : [],
        maxPenaltyMonths: 120,
        dualCriminality: pick(['yes', 'yes', 'yes', 'no', 'unknown']),
      })),
      consent: { status: pick(['given', 'given', 'given', 'refused', 'not-asked']), by: 'person' },
      financialObligations: random() < 0.3 ? [{ kind: 'fine', amount: 1000, paid: random() < 0.5, incapacityToPay: false }] : [],
      events: { application: iso(2022), request: iso(2023), requestReceived: iso(2023), judgmentReceived: iso(2023) },
    });
    if (!parsed.ok) throw new Error(`bench case ${i}: ${JSON.stringify(parsed.errors)}`);
    out.push(parsed.value);
  }
  return out;
}
