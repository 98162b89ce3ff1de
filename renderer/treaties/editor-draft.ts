/**
 * The rule-set editor's form state and its conversion: a draft of fields made from a version (each
 * parameter's editor read from the schema, shared/treaties/parameter-fields.ts), and back to a
 * rule-set to save, or every problem at once. Pure; the service applies the schema again.
 */
import type { FieldProblem } from '../../shared/api-schemas.ts';
import type { Text } from '../text/use-text.ts';
import { problemOf, REPORT_INPUT } from '../../shared/domain/case.ts';
import { draftOfValue, editorFor, fieldPaths, PARAMETER_SPECS, valueOfDraft, type FieldDraft, type FieldSpec } from '../../shared/treaties/parameter-fields.ts';
import { type ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import { PARAMETER_KEYS, ruleSetSchema, type Param, type RuleSet } from '../../shared/treaties/schema.ts';
import { fieldId } from '../form/case-draft.ts';

export interface ParamDraft {
  /** The editor of the value (parameter-fields.ts), chosen once from the version the draft starts from. */
  spec: FieldSpec;
  /** What its fields hold. */
  value: FieldDraft;
  source: string;
  confidence: Param<unknown>['confidence'];
  note: string;
}

export interface EditorDraft {
  version: string;
  effectiveFrom: string;
  title: string;
  notes: string;
  reason: string;
  params: Record<ParameterKey, ParamDraft>;
}

export function draftOf(base: RuleSet, today: string): EditorDraft {
  const params = Object.fromEntries(
    PARAMETER_KEYS.map((key) => {
      const p = base[key] as Param<unknown>;
      const spec = editorFor(key, p.value);
      return [key, { spec, value: draftOfValue(spec, p.value), source: p.source, confidence: p.confidence, note: p.note ?? '' }];
    }),
  ) as Record<ParameterKey, ParamDraft>;
  return { version: today, effectiveFrom: today, title: base.title, notes: base.notes ?? '', reason: '', params };
}

/** The field path of a parameter value's part: `ruleSet.minRemaining.value.duration.years`. */
export const valuePath = (key: ParameterKey, at: string) => `ruleSet.${key}.value${at === '' ? '' : `.${at}`}`;

/**
 * The rule-set the draft describes, or every problem it has at once: those of the fields themselves
 * (a number that is not one, unreadable JSON) and those the rule-set schema finds in the rest — the
 * same schema the service applies again on save.
 */
export function ruleSetOf(base: RuleSet, draft: EditorDraft): { ok: true; ruleSet: Record<string, unknown> } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: Record<string, unknown> = { ...base, version: draft.version.trim(), effectiveFrom: draft.effectiveFrom, title: draft.title };
  if (draft.notes.trim() === '') delete out.notes;
  else out.notes = draft.notes;
  for (const key of PARAMETER_KEYS) {
    const p = draft.params[key];
    const read = valueOfDraft(p.spec, p.value);
    // A row's index written as the schema writes it (`deadlines.value[0].days`), so the two name one field alike.
    for (const problem of read.problems) problems.push({ field: valuePath(key, problem.at).replace(/\.(\d+)(?=\.|$)/g, '[$1]'), message: problem.message, messageKey: problem.messageKey });
    out[key] = p.note.trim() === '' ? { value: read.value, source: p.source, confidence: p.confidence } : { value: read.value, source: p.source, confidence: p.confidence, note: p.note };
  }
  const checked = ruleSetSchema.safeParse(out, REPORT_INPUT);
  if (!checked.success) {
    const own = new Set(problems.map((p) => p.field));
    // A field already said to be no number is not said again to be of the wrong type.
    for (const issue of checked.error.issues) {
      // Keyed as the service keys it (every schema names its problems by key): it reads in the officer's language.
      const problem = problemOf(issue);
      const field = `ruleSet.${problem.field}`;
      if (!own.has(field)) problems.push({ ...problem, field });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ruleSet: out };
}

const PARAM_FIELD = /^ruleSet\.([A-Za-z]+)\.value((?:\.[A-Za-z0-9]+|\[\d+\])*)$/;

/** The path, under its value, of the field that shows a problem of parameter `key`: the problem's own, or the nearest field above it. */
function nearestField(spec: FieldSpec, rest: string): string {
  const known = new Set(fieldPaths(spec));
  const parts = rest.split(/[.[\]]+/).filter((x) => x !== '');
  // A row of a list is `*` among the known paths, its own index in the field's id.
  const pattern = () => parts.map((p) => (/^\d+$/.test(p) ? '*' : p)).join('.');
  while (parts.length > 0 && !known.has(pattern())) parts.pop();
  return parts.join('.');
}

/** The form element a problem belongs to, by the problem's field path (the parameters' editors as the draft has them). */
export function fieldIdOf(field: string, specs: Partial<Record<ParameterKey, FieldSpec>> = PARAMETER_SPECS): string {
  if (field === 'reason') return 'edit-reason';
  const value = PARAM_FIELD.exec(field);
  if (value !== null && (PARAMETER_KEYS as readonly string[]).includes(value[1]!)) {
    const key = value[1] as ParameterKey;
    return fieldId(valuePath(key, nearestField(specs[key] ?? PARAMETER_SPECS[key], value[2] ?? '')));
  }
  const match = /^ruleSet\.([A-Za-z]+)(?:\.(source|confidence|note))?/.exec(field);
  if (match === null) return 'edit-version';
  const [, key, part] = match;
  if (key === 'version' || key === 'effectiveFrom' || key === 'title' || key === 'notes') return `edit-${key}`;
  if (part !== undefined) return `edit-${key}-${part}`;
  return (PARAMETER_KEYS as readonly string[]).includes(key!) ? fieldId(valuePath(key as ParameterKey, '')) : 'edit-version';
}

/** The words for the editor field a problem names, as its label reads on screen ("Minimum remaining: Legal source"); the path itself when none fits. */
export function fieldLabelOf(text: Text, field: string): string {
  if (field === 'reason') return text.ui('ui.treaties.editor.reason');
  const match = /^ruleSet\.([A-Za-z]+)(?:\.(source|confidence|note))?/.exec(field);
  if (match === null) return field;
  const [, key, part] = match as unknown as [string, string, 'source' | 'confidence' | 'note' | undefined];
  if (key === 'version' || key === 'effectiveFrom' || key === 'title' || key === 'notes') return text.ui(`treaties.meta.${key}`);
  if (!(PARAMETER_KEYS as readonly string[]).includes(key)) return field;
  const parameter = text.ui(`treaties.param.${key as ParameterKey}`);
  const value = PARAM_FIELD.exec(field);
  if (value !== null) {
    const parts = nearestField(PARAMETER_SPECS[key as ParameterKey], value[2] ?? '').split('.').filter((x) => x !== '');
    const words = parts.flatMap((p) => {
      // A row by its number ("Deadline 2"), a field by its label.
      if (/^\d+$/.test(p)) return [text.message(text.has(`ruleset.field.${key}.row`) ? `ruleset.field.${key}.row` : 'ruleset.field.row', { n: Number(p) + 1 })];
      if (text.has(`ruleset.field.${key}.${p}`)) return [text.message(`ruleset.field.${key}.${p}`)];
      if (p === 'years' || p === 'months' || p === 'days') return [text.ui(`ui.treaties.editor.${p}`)];
      return [];
    });
    return text.ui('ui.treaties.editor.fieldLabel', { parameter, part: words.length === 0 ? text.ui('ruleset.field.value') : words.join(' – ') });
  }
  const partLabel = part === 'source' ? text.ui('ui.treaties.params.source') : part === 'confidence' ? text.ui('ui.treaties.params.confidence') : part === 'note' ? text.ui('treaties.meta.notes') : text.ui('ui.treaties.params.value');
  return text.ui('ui.treaties.editor.fieldLabel', { parameter, part: partLabel });
}
