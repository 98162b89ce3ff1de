/**
 * Which form field edits each rule-set parameter, read from the rule-set schema itself (schema.ts):
 * one place maps a zod type to an editor, so a parameter added to the schema gets its fields
 * without a component of its own. A duration is years, months and days; a choice of the schema's
 * enum, with a translated label per option; a list of an enum is a set of checkboxes; a list of
 * States the State picker; a boolean yes or no; a number a whole number; a date an ISO date; null
 * allowed an "applies" checkbox; an object its fields, each by these rules.
 *
 * What fits none (a union of shapes, a record by State, a list of objects) is edited as JSON, and a
 * stored value these fields could not hold unchanged (an excluded-offence code the desk does not
 * list) is too, so nothing is lost by opening the editor.
 *
 * The draft of a value is what the fields hold (numbers as typed text), and back; pure.
 */
import type { z } from 'zod';
import { EXCLUDED_CATEGORIES } from '../domain/categories.ts';
import { boundedDate, country } from '../domain/fields.ts';
import type { ParameterKey } from './parameter-groups.ts';
import { sameJson } from './diff.ts';
import { durationSchema, PARAMETER_KEYS, ruleSetSchema } from './schema.ts';

export type FieldSpec =
  | { kind: 'choice'; options: readonly string[]; labels: string }
  | { kind: 'multi'; options: readonly string[]; labels: string }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'duration' }
  | { kind: 'states' }
  | { kind: 'nullable'; inner: FieldSpec }
  | { kind: 'object'; fields: readonly { name: string; spec: FieldSpec }[] }
  | { kind: 'json' };

/** The message-key prefix of each choice's labels, by parameter and field (`finality.definition`). */
const OPTION_LABELS: Record<string, string> = {
  referenceEvent: 'param.event.',
  'link.default': 'treaties.link.',
  'finality.definition': 'treaties.finality.',
  otherProceedings: 'treaties.otherProceedings.',
  'minRemaining.effect': 'treaties.effect.',
  remainingBasis: 'param.basis.',
  'minServed.testedAt': 'ruleset.at.',
  'consent.representativeTriggers': 'treaties.trigger.',
  'consent.minorAgeAt': 'ruleset.at.',
  'consent.irrevocableAfter': 'treaties.irrevocable.',
  'dualCriminality.test': 'param.test.',
  'dualCriminality.effect': 'treaties.effect.',
  excludedOffences: 'ui.category.',
  deathSentence: 'treaties.deathSentence.',
  'financialObligations.rule': 'treaties.financial.',
  'financialObligations.scope': 'ui.form.obligationKind.',
  discretionaryRefusalGrounds: 'treaties.ground.',
  offenceScope: 'treaties.offenceScope.',
  conditionalRelease: 'treaties.conditionalRelease.',
};

/** Lists of codes the schema checks by pattern only, with the codes the desk knows (and labels). */
const KNOWN_CODES: Record<string, readonly string[]> = {
  excludedOffences: EXCLUDED_CATEGORIES.map(([code]) => code),
};

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The editor of a value of `schema`, at `path` (the parameter's key, then its fields, dot-separated). */
function specOf(schema: z.ZodType, path: string): FieldSpec {
  if (schema === durationSchema) return { kind: 'duration' };
  if (schema === boundedDate) return { kind: 'date' };
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
      return specOf(def.innerType!, path);
    case 'nullable':
      return { kind: 'nullable', inner: specOf(def.innerType!, path) };
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return { kind: 'number' };
    case 'enum':
      return OPTION_LABELS[path] === undefined ? { kind: 'json' } : { kind: 'choice', options: Object.values(def.entries!), labels: OPTION_LABELS[path] };
    case 'object':
      return { kind: 'object', fields: Object.entries(def.shape!).map(([name, field]) => ({ name, spec: specOf(field, `${path}.${name}`) })) };
    case 'array': {
      const element = def.element!;
      if (element === country) return { kind: 'states' };
      const item = defOf(element);
      if (item.type === 'enum' && OPTION_LABELS[path] !== undefined) return { kind: 'multi', options: Object.values(item.entries!), labels: OPTION_LABELS[path] };
      if (KNOWN_CODES[path] !== undefined && OPTION_LABELS[path] !== undefined) return { kind: 'multi', options: KNOWN_CODES[path], labels: OPTION_LABELS[path] };
      return { kind: 'json' };
    }
    default:
      return { kind: 'json' };
  }
}

const valueSchemaOf = (key: ParameterKey): z.ZodType => {
  const param = (ruleSetSchema as unknown as { shape: Record<string, z.ZodType> }).shape[key]!;
  const def = defOf(param);
  const object = def.type === 'default' ? def.innerType! : param;
  return defOf(object).shape!.value!;
};

/** Every parameter's editor, from the schema. */
export const PARAMETER_SPECS: Readonly<Record<ParameterKey, FieldSpec>> = Object.fromEntries(PARAMETER_KEYS.map((key) => [key, specOf(valueSchemaOf(key), key)])) as Record<ParameterKey, FieldSpec>;

/** What the fields of a value hold: text for numbers (as typed), the chosen codes for lists. */
export type FieldDraft = string | boolean | string[] | { years: string; months: string; days: string } | { present: boolean; inner: FieldDraft } | { [field: string]: FieldDraft };

/** A problem of the draft itself (a number that is not one, JSON that does not read), at its path under the value. */
export interface DraftProblem {
  /** Dot-separated fields under the parameter's value ('' for the value itself). */
  at: string;
  messageKey: 'ruleset.field.wholeNumber' | 'ruleset.field.notJson';
  message: string;
}

/** The draft of an empty value (null made to apply): nothing chosen, numbers blank. */
function emptyDraft(spec: FieldSpec): FieldDraft {
  switch (spec.kind) {
    case 'choice':
      return spec.options[0] ?? '';
    case 'boolean':
      return false;
    case 'number':
    case 'date':
      return '';
    case 'duration':
      return { years: '0', months: '0', days: '0' };
    case 'multi':
    case 'states':
      return [];
    case 'nullable':
      return { present: false, inner: emptyDraft(spec.inner) };
    case 'object':
      return Object.fromEntries(spec.fields.map((f) => [f.name, emptyDraft(f.spec)]));
    case 'json':
      return 'null';
  }
}

/** The draft of `value`. */
export function draftOfValue(spec: FieldSpec, value: unknown): FieldDraft {
  switch (spec.kind) {
    case 'choice':
      return String(value);
    case 'boolean':
      return value === true;
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'date':
      return typeof value === 'string' ? value : '';
    case 'duration': {
      const d = (value ?? {}) as { years?: number; months?: number; days?: number };
      return { years: String(d.years ?? 0), months: String(d.months ?? 0), days: String(d.days ?? 0) };
    }
    case 'multi':
    case 'states':
      return Array.isArray(value) ? value.map(String) : [];
    case 'nullable':
      return value === null || value === undefined ? { present: false, inner: emptyDraft(spec.inner) } : { present: true, inner: draftOfValue(spec.inner, value) };
    case 'object': {
      const o = (value ?? {}) as Record<string, unknown>;
      return Object.fromEntries(spec.fields.map((f) => [f.name, o[f.name] === undefined ? emptyDraft(f.spec) : draftOfValue(f.spec, o[f.name])]));
    }
    case 'json':
      return JSON.stringify(value, null, 2);
  }
}

const join = (at: string, name: string) => (at === '' ? name : `${at}.${name}`);

/** The value a draft stands for, and the problems of the draft itself (checked by the schema afterwards). */
export function valueOfDraft(spec: FieldSpec, draft: FieldDraft, at = ''): { value: unknown; problems: DraftProblem[] } {
  switch (spec.kind) {
    case 'choice':
    case 'date':
    case 'boolean':
      return { value: draft, problems: [] };
    case 'number': {
      const typed = String(draft).trim();
      if (/^\d+$/.test(typed)) return { value: Number(typed), problems: [] };
      return { value: typed, problems: [{ at, messageKey: 'ruleset.field.wholeNumber', message: 'must be a whole number' }] };
    }
    case 'duration': {
      const d = draft as { years: string; months: string; days: string };
      const problems: DraftProblem[] = [];
      const part = (name: 'years' | 'months' | 'days') => {
        const typed = d[name].trim();
        if (typed === '') return 0;
        if (/^\d+$/.test(typed)) return Number(typed);
        problems.push({ at: join(at, name), messageKey: 'ruleset.field.wholeNumber', message: 'must be a whole number' });
        return typed;
      };
      return { value: { years: part('years'), months: part('months'), days: part('days') }, problems };
    }
    case 'multi':
      // In the order held (a stored value's, then ticked), the options only.
      return { value: (draft as string[]).filter((o) => spec.options.includes(o)), problems: [] };
    case 'states':
      return { value: [...(draft as string[])], problems: [] };
    case 'nullable': {
      const n = draft as { present: boolean; inner: FieldDraft };
      return n.present ? valueOfDraft(spec.inner, n.inner, at) : { value: null, problems: [] };
    }
    case 'object': {
      const o = draft as Record<string, FieldDraft>;
      const value: Record<string, unknown> = {};
      const problems: DraftProblem[] = [];
      for (const f of spec.fields) {
        const part = valueOfDraft(f.spec, o[f.name] ?? emptyDraft(f.spec), join(at, f.name));
        value[f.name] = part.value;
        problems.push(...part.problems);
      }
      return { value, problems };
    }
    case 'json':
      try {
        return { value: JSON.parse(draft as string), problems: [] };
      } catch {
        return { value: undefined, problems: [{ at, messageKey: 'ruleset.field.notJson', message: 'is not JSON: correct it' }] };
      }
  }
}

/**
 * The editor of parameter `key` holding `value`: its own fields where they hold the value unchanged
 * (read back, the same JSON), else JSON.
 */
export function editorFor(key: ParameterKey, value: unknown): FieldSpec {
  const spec = PARAMETER_SPECS[key];
  const back = valueOfDraft(spec, draftOfValue(spec, value));
  return back.problems.length === 0 && sameJson(back.value, value) ? spec : { kind: 'json' };
}

/** Every path of a spec's fields (dot-separated, '' for the value itself), for the error summary to find the field a problem belongs to. */
export function fieldPaths(spec: FieldSpec, at = ''): string[] {
  switch (spec.kind) {
    case 'duration':
      return [at, join(at, 'years'), join(at, 'months'), join(at, 'days')];
    case 'nullable':
      return [...fieldPaths(spec.inner, at), join(at, 'present')];
    case 'object':
      return [at, ...spec.fields.flatMap((f) => fieldPaths(f.spec, join(at, f.name)))];
    default:
      return [at];
  }
}
