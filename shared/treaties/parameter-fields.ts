/**
 * Which form field edits each rule-set parameter, read from the rule-set schema itself (schema.ts):
 * one place maps a zod type to an editor, so a parameter added to the schema gets its fields
 * without a component of its own. A duration is years, months and days; a choice of the schema's
 * enum, with a translated label per option; a list of an enum is a set of checkboxes; a list of
 * States the State picker; a boolean yes or no; a number a whole number; a date an ISO date; a text
 * (a code, an anchor) a line, left out when empty if it is optional; null allowed an "applies"
 * checkbox; an object its fields; a union of shapes a choice of shape, each with its fields; a
 * record by State rows of a State and its value; a list of objects rows of their fields.
 *
 * What fits none is edited as JSON, and a stored value these fields could not hold unchanged (an
 * excluded-offence code the desk does not list) is too, so nothing is lost by opening the editor.
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
  /** A line of text; `optional`: an empty line leaves the field out. */
  | { kind: 'text'; optional: boolean }
  | { kind: 'nullable'; inner: FieldSpec }
  | { kind: 'object'; fields: readonly { name: string; spec: FieldSpec }[] }
  /** One of several shapes (a rule, or a rule by State), in the schema's order. */
  | { kind: 'union'; variants: readonly FieldSpec[] }
  /** A record keyed by State or place: rows of a State and its value. */
  | { kind: 'byState'; value: FieldSpec }
  /** A list of objects: rows of their fields. */
  | { kind: 'list'; item: FieldSpec }
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
  'dualNationality': 'treaties.dualNationality.',
  'dualNationality.default': 'treaties.dualNationality.',
  'dualNationality.bySentencingState': 'treaties.dualNationality.',
  'link.byAdministeringState': 'treaties.link.',
  'documents.direction': 'ruleset.direction.',
  'documents.step': 'ruleset.step.',
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
  options?: readonly z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
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
    case 'optional': {
      const inner = specOf(def.innerType!, path);
      return inner.kind === 'text' ? { kind: 'text', optional: true } : { kind: 'json' };
    }
    case 'string':
      return { kind: 'text', optional: false };
    case 'union':
      return { kind: 'union', variants: def.options!.map((option) => specOf(option, path)) };
    case 'record':
      return def.keyType === country ? { kind: 'byState', value: specOf(def.valueType!, path) } : { kind: 'json' };
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
      if (item.type === 'object') return { kind: 'list', item: specOf(element, path) };
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
export type FieldDraft =
  | string
  | boolean
  | string[]
  | FieldDraft[]
  | { years: string; months: string; days: string }
  | { present: boolean; inner: FieldDraft }
  /** A union: the shape chosen, and what each shape's fields hold (switching back loses nothing). */
  | { variant: number; drafts: FieldDraft[] }
  /** A record by State: its rows in order (a State not chosen yet is ''). */
  | { rows: { state: string; value: FieldDraft }[] }
  | { [field: string]: FieldDraft };

export type UnionDraft = { variant: number; drafts: FieldDraft[] };
export type ByStateDraft = { rows: { state: string; value: FieldDraft }[] };

/** A problem of the draft itself (a number that is not one, JSON that does not read), at its path under the value. */
export interface DraftProblem {
  /** Dot-separated fields under the parameter's value ('' for the value itself). */
  at: string;
  messageKey: 'ruleset.field.wholeNumber' | 'ruleset.field.notJson' | 'validation.country.select' | 'ruleset.field.stateTwice';
  message: string;
}

/** The draft of an empty value (null made to apply, a row added): nothing chosen, numbers blank. */
export function emptyDraft(spec: FieldSpec): FieldDraft {
  switch (spec.kind) {
    case 'choice':
      return spec.options[0] ?? '';
    case 'boolean':
      return false;
    case 'number':
    case 'date':
    case 'text':
      return '';
    case 'union':
      return { variant: 0, drafts: spec.variants.map(emptyDraft) };
    case 'byState':
      return { rows: [] };
    case 'list':
      return [];
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
    case 'text':
      return typeof value === 'string' ? value : '';
    case 'union': {
      // The first shape whose fields hold the value unchanged; the others start empty.
      const variant = Math.max(0, spec.variants.findIndex((v) => holds(v, value)));
      return { variant, drafts: spec.variants.map((v, i) => (i === variant ? draftOfValue(v, value) : emptyDraft(v))) };
    }
    case 'byState':
      return { rows: Object.entries((value ?? {}) as Record<string, unknown>).map(([state, v]) => ({ state, value: draftOfValue(spec.value, v) })) };
    case 'list':
      return Array.isArray(value) ? value.map((item) => draftOfValue(spec.item, item)) : [];
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

/** Whether the fields of `spec` hold `value` unchanged: read back, the same JSON. */
function holds(spec: FieldSpec, value: unknown): boolean {
  if (!fitsShape(spec, value)) return false;
  const back = valueOfDraft(spec, draftOfValue(spec, value));
  return back.problems.length === 0 && sameJson(back.value, value);
}

/** Whether a value has the outline of a spec (a choice a string, an object an object...): no field can hold a value of another kind. */
function fitsShape(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'date':
    case 'text':
      return typeof value === 'string' || (spec.kind === 'text' && spec.optional && value === undefined);
    case 'multi':
    case 'states':
    case 'list':
      return Array.isArray(value);
    case 'nullable':
      return value === null || fitsShape(spec.inner, value);
    case 'duration':
    case 'object':
    case 'byState':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'union':
      return spec.variants.some((v) => fitsShape(v, value));
    case 'json':
      return true;
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
    case 'text': {
      const typed = (draft as string).trim();
      return { value: spec.optional && typed === '' ? undefined : typed, problems: [] };
    }
    case 'union': {
      const u = draft as UnionDraft;
      return valueOfDraft(spec.variants[u.variant]!, u.drafts[u.variant]!, at);
    }
    case 'byState': {
      const value: Record<string, unknown> = {};
      const problems: DraftProblem[] = [];
      (draft as ByStateDraft).rows.forEach((row, i) => {
        const part = valueOfDraft(spec.value, row.value, join(at, `${i}.value`));
        problems.push(...part.problems);
        if (row.state === '') problems.push({ at: join(at, `${i}.state`), messageKey: 'validation.country.select', message: 'Select a State or place' });
        else if (row.state in value) problems.push({ at: join(at, `${i}.state`), messageKey: 'ruleset.field.stateTwice', message: 'is listed twice' });
        else value[row.state] = part.value;
      });
      return { value, problems };
    }
    case 'list': {
      const items = (draft as FieldDraft[]).map((item, i) => valueOfDraft(spec.item, item, join(at, String(i))));
      return { value: items.map((item) => item.value), problems: items.flatMap((item) => item.problems) };
    }
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
        // An optional field left empty is left out, as the schema has it.
        if (part.value !== undefined) value[f.name] = part.value;
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
  return holds(spec, value) ? spec : { kind: 'json' };
}

/**
 * Every path of a spec's fields (dot-separated, '' for the value itself), for the error summary to
 * find the field a problem belongs to; a row of a list or of a record by State is `*`.
 */
export function fieldPaths(spec: FieldSpec, at = ''): string[] {
  switch (spec.kind) {
    case 'duration':
      return [at, join(at, 'years'), join(at, 'months'), join(at, 'days')];
    case 'nullable':
      return [...fieldPaths(spec.inner, at), join(at, 'present')];
    case 'object':
      return [at, ...spec.fields.flatMap((f) => fieldPaths(f.spec, join(at, f.name)))];
    case 'union':
      return [...new Set([at, join(at, 'variant'), ...spec.variants.flatMap((v) => fieldPaths(v, at))])];
    case 'byState':
      return [at, join(at, '*.state'), ...fieldPaths(spec.value, join(at, '*.value'))];
    case 'list':
      return [at, ...fieldPaths(spec.item, join(at, '*'))];
    default:
      return [at];
  }
}
