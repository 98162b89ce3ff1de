/**
 * Instruments and rule-sets by name, never by id: the instrument's label in the officer's
 * language (`param.instrument.<id>`), else the rule-set's title, else — for a rule-set the
 * desk does not know — its id.
 */
import type { AssessmentRecord, RuleSetVersionSummary } from '../../shared/api-schemas.ts';
import { hasMessage, t } from '../../shared/i18n/index.ts';
import type { Text } from './use-text.ts';

/** The instrument's label as it stands inside a sentence ("the Transfer Convention (ETS 112)"); null when it has none. */
function label(text: Text, instrumentId: string | null | undefined): string | null {
  if (instrumentId == null) return null;
  const key = `param.instrument.${instrumentId}`;
  return hasMessage(text.locale, key) ? t(text.locale, key) : null;
}

const capital = (text: Text, s: string) => (text.locale === 'en' ? s.charAt(0).toLocaleUpperCase('en') + s.slice(1) : s);

export interface RuleSetNaming {
  ruleSetId: string;
  /** The treaty map's instrument for the rule-set, when known. */
  instrumentId?: string | null;
}

/**
 * A rule-set by name. `inSentence`: as it reads after "under" ("under the Transfer Convention
 * (ETS 112)"); otherwise as a title, begun with a capital. Built-in rule-sets share their
 * instrument's id, so their label is found even without the map.
 */
export function ruleSetName(text: Text, ruleSets: readonly RuleSetVersionSummary[], naming: RuleSetNaming, inSentence = false): string {
  const named = label(text, naming.instrumentId) ?? label(text, naming.ruleSetId);
  if (named !== null) return inSentence ? named : capital(text, named);
  return ruleSets.find((r) => r.id === naming.ruleSetId)?.title ?? naming.ruleSetId;
}

/**
 * A rule-set version's title as a heading: in English the title it carries; in another language
 * the instrument's name from the catalogue where it has one (the built-in instruments), else the
 * title as written (a rule-set a legal officer made is shown in their words).
 */
export function ruleSetTitle(text: Text, ruleSetId: string, title: string): string {
  if (text.locale === 'en') return title;
  const named = label(text, ruleSetId);
  return named === null ? title : capital(text, named);
}

/** The instrument an assessment was made under, as its treaty-basis condition names it (none before the treaty map). */
export function assessmentInstrument(a: AssessmentRecord): string | null {
  const instrument = a.result.conditions.find((c) => c.id === 'treaty-basis')?.params.instrument;
  return typeof instrument === 'string' ? instrument : null;
}

/** An assessment by its rule-set's name. */
export function assessmentRuleSetName(text: Text, ruleSets: readonly RuleSetVersionSummary[], a: AssessmentRecord, inSentence = false): string {
  return ruleSetName(text, ruleSets, { ruleSetId: a.ruleSet.id, instrumentId: assessmentInstrument(a) }, inSentence);
}
