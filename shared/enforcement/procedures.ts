/**
 * Which procedures an instrument lets the administering State follow, and the rules each
 * follows (ETS 112 Arts. 9-11; FD 2008/909 Art. 8). ETS 112 Art. 3(3) lets a State exclude one
 * of the two by declaration: such declarations belong to the treaty map, which passes them in
 * as `allowedProcedures`; without them the defaults here apply, by rule-set id.
 */
import type { EnforcementProcedure } from '../vocabularies.ts';
import type { DayNumber } from '../sentence/calendar.ts';
import type { Confidence } from '../treaties/confidence.ts';
import { declarationsOf, type TreatyMapIndex } from '../treaties/map/relations.ts';

export interface ProcedureParam {
  value: boolean;
  source: string;
  confidence: Confidence;
}

/** Whether continued enforcement and conversion are open for this case (instrument and declarations). */
export type AllowedProcedures = Record<EnforcementProcedure, ProcedureParam>;

/**
 * - `ets-112`: continued enforcement with adaptation (Art. 10) or conversion (Art. 11).
 * - `eu-909`: recognition and enforcement, adapted only where the duration exceeds our maximum
 *   or the nature is incompatible (FD 2008/909 Art. 8(2)-(3)); no conversion.
 */
export type Regime = 'ets-112' | 'eu-909';

const COE = new Set(['coe-ets-112', 'coe-ets-167', 'coe-ets-167-original']);
const EU_909 = 'eu-fd-2008-909';

export function regimeOf(ruleSetId: string | null | undefined): Regime {
  return ruleSetId === EU_909 ? 'eu-909' : 'ets-112';
}

/**
 * The citation of each rule, by regime, as the steps show it; a rule-set outside the Council of
 * Europe family and the EU follows ETS 112's pattern, unconfirmed (its own text on enforcement
 * was not retrieved).
 */
export interface RegimeSources {
  /** Bound by the nature and duration of the sentence. */
  continued: string;
  /** Adapted to our maximum. */
  adaptation: string;
  /** Converted by our court or authority. */
  conversion: string;
  /** Time served abroad counts in full. */
  credit: string;
  confidence: Confidence;
}

export function sourcesOf(ruleSetId: string | null | undefined): RegimeSources {
  if (regimeOf(ruleSetId) === 'eu-909') {
    return {
      continued: 'FD 2008/909 Art. 8(1); NL WETS 2:11',
      adaptation: 'FD 2008/909 Art. 8(2), not below our maximum; NL WETS 2:11(4)',
      conversion: 'FD 2008/909 Art. 8(3)-(4); NL WETS 2:11(6)-(7)',
      credit: 'FD 2008/909 "Art. 17" (number unconfirmed); NL WETS 2:15(2)',
      confidence: 'S',
    };
  }
  const own = ruleSetId != null && COE.has(ruleSetId);
  const cite = (article: string) => (own ? `ETS 112 ${article}` : `ETS 112 ${article} (pattern)`);
  return {
    continued: cite('Art. 10(1)'),
    adaptation: cite('Art. 10(2)'),
    conversion: cite('Art. 11(1)'),
    credit: cite('Arts. 6(2)(b), 11(1)(c)'),
    confidence: own ? 'C' : 'U',
  };
}

/** The defaults: ETS 112 and its Protocol both procedures [C]; 2008/909 recognition with adaptation only [S]; others ETS 112's pattern [U]. */
export function defaultAllowedProcedures(ruleSetId: string | null | undefined): AllowedProcedures {
  if (ruleSetId === EU_909) {
    return {
      continued: { value: true, source: 'FD 2008/909 Art. 8(1): recognition and enforcement', confidence: 'S' },
      conversion: { value: false, source: 'FD 2008/909 Art. 8(2)-(4): adaptation only, no conversion', confidence: 'S' },
    };
  }
  if (ruleSetId != null && COE.has(ruleSetId)) {
    // A State may exclude one of them by declaration (Art. 3(3)): the treaty map passes that in.
    return {
      continued: { value: true, source: 'ETS 112 Art. 9(1)(a)', confidence: 'C' },
      conversion: { value: true, source: 'ETS 112 Art. 9(1)(b)', confidence: 'C' },
    };
  }
  return {
    continued: { value: true, source: 'ETS 112 Art. 9(1)(a) (pattern)', confidence: 'U' },
    conversion: { value: true, source: 'ETS 112 Art. 9(1)(b) (pattern)', confidence: 'U' },
  };
}

const PROCEDURE_OF = { 'continued-enforcement': 'continued', conversion: 'conversion' } as const;

/**
 * The defaults with the administering State's declarations from the treaty map: an Art. 3(3)
 * exclusion closes that procedure (with the declaration as its source); a declaration the map
 * knows of but has not read leaves both open, unconfirmed.
 */
export function allowedProceduresFrom(map: TreatyMapIndex, ruleSetId: string | null | undefined, administeringState: string, on: DayNumber): AllowedProcedures {
  const allowed = defaultAllowedProcedures(ruleSetId);
  if (ruleSetId == null) return allowed;
  for (const d of declarationsOf(map, ruleSetId, administeringState, 'excludes-procedure', on)) {
    allowed[PROCEDURE_OF[d.excludes]] = { value: false, source: `${administeringState}'s declaration under Art. ${d.article}: ${d.summary} (${d.source})`, confidence: d.confidence };
  }
  if (declarationsOf(map, ruleSetId, administeringState, 'unread', on).some((d) => d.mayConcern.includes('excludes-procedure'))) {
    for (const key of ['continued', 'conversion'] as const) {
      if (allowed[key].value) allowed[key] = { ...allowed[key], source: `${allowed[key].source}; ${administeringState} made a declaration not read here that may exclude it`, confidence: 'U' };
    }
  }
  return allowed;
}
