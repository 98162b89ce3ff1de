/**
 * Reading a rule-set file (import, `tsp treaties validate`): the text must be JSON and the
 * JSON a valid `tsp-ruleset/1`; otherwise every reason is returned with its field path
 * (`minRemaining.value.duration`, `referenceEvent.source`), none of them guessed away.
 */
import { problemOf, type FieldProblem, REPORT_INPUT } from '../domain/case.ts';
import { t } from '../i18n/index.ts';
import { ruleSetSchema, type RuleSet } from './schema.ts';

export type RuleSetFileResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: FieldProblem[] };

export function parseRuleSetValue(value: unknown): RuleSetFileResult {
  const parsed = ruleSetSchema.safeParse(value, REPORT_INPUT);
  return parsed.success ? { ok: true, ruleSet: parsed.data } : { ok: false, problems: parsed.error.issues.map(problemOf) };
}

export function parseRuleSetText(text: string): RuleSetFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, problems: [{ field: '(file)', message: t('en', 'validation.ruleset.json', { detail }), messageKey: 'validation.ruleset.json', params: { detail } }] };
  }
  return parseRuleSetValue(value);
}
