/**
 * The rule-set editor's fields, read from the schema: which editor each parameter gets, and a
 * value to its draft and back (durations, lists of States and of choices, null made to apply,
 * numbers typed wrong). Table tests; every built-in rule-set's every value survives the round trip.
 */
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n/index.ts';
import { BUILT_IN_RULESETS } from './library.ts';
import { draftOfValue, editorFor, fieldPaths, PARAMETER_SPECS, valueOfDraft, type FieldDraft, type FieldSpec } from './parameter-fields.ts';
import { PARAMETER_KEYS } from './schema.ts';

describe('the editor of each parameter, from the schema', () => {
  it.each([
    ['referenceEvent', 'choice'],
    ['statesAgreementRequired', 'boolean'],
    ['link', 'object'],
    ['dualNationality', 'union'], // a rule, or one by sentencing State
    ['minRemaining', 'nullable'],
    ['minServed', 'nullable'],
    ['consent', 'object'],
    ['listExemption', 'nullable'],
    ['excludedOffences', 'multi'],
    ['discretionaryRefusalGrounds', 'multi'],
    ['deadlines', 'list'], // a list of objects
    ['documents', 'list'],
    ['domicileExclusion', 'nullable'],
    ['subnationalConsent', 'union'], // true/false, or the States listed
  ] as const)('%s is edited as %s', (key, kind) => {
    expect(PARAMETER_SPECS[key].kind).toBe(kind);
  });

  it('gives minRemaining a duration and a choice of effect, minServed a States picker, a duration and numbers', () => {
    expect(PARAMETER_SPECS.minRemaining).toEqual({
      kind: 'nullable',
      inner: { kind: 'object', fields: [{ name: 'duration', spec: { kind: 'duration' } }, { name: 'effect', spec: { kind: 'choice', options: ['mandatory', 'mandatory-with-exception', 'optional-refusal'], labels: 'treaties.effect.' } }] },
    });
    const minServed = PARAMETER_SPECS.minServed as Extract<FieldSpec, { kind: 'nullable' }>;
    expect(minServed.inner).toMatchObject({
      fields: [
        { name: 'numerator', spec: { kind: 'number' } },
        { name: 'denominator', spec: { kind: 'number' } },
        { name: 'lifeMinimum', spec: { kind: 'nullable', inner: { kind: 'duration' } } },
        { name: 'sentencingStates', spec: { kind: 'nullable', inner: { kind: 'states' } } },
        { name: 'testedAt', spec: { kind: 'choice' } },
      ],
    });
  });

  it('labels every option of every choice in both languages (no code reaches the screen)', () => {
    const missing: string[] = [];
    const walk = (spec: FieldSpec) => {
      if (spec.kind === 'choice' || spec.kind === 'multi') {
        for (const o of spec.options) for (const locale of ['en', 'zh-Hant'] as const) if (!hasMessage(locale, `${spec.labels}${o}`)) missing.push(`${locale} ${spec.labels}${o}`);
      }
      for (const inner of innerSpecs(spec)) walk(inner);
    };
    PARAMETER_KEYS.forEach((k) => walk(PARAMETER_SPECS[k]));
    expect(missing).toEqual([]);
  });

  it('labels every field of every object, and every shape of a union, in both languages', () => {
    const missing: string[] = [];
    const need = (key: string) => {
      for (const locale of ['en', 'zh-Hant'] as const) if (!hasMessage(locale, key)) missing.push(`${locale} ${key}`);
    };
    for (const key of PARAMETER_KEYS) {
      const walk = (spec: FieldSpec) => {
        if (spec.kind === 'object') spec.fields.forEach((f) => need(`ruleset.field.${key}.${f.name}`));
        if (spec.kind === 'union') spec.variants.forEach((_, i) => need(`ruleset.field.${key}.variant.${i}`));
        for (const inner of innerSpecs(spec)) walk(inner);
      };
      walk(PARAMETER_SPECS[key]);
    }
    expect(missing).toEqual([]);
  });

  it('edits every value of every built-in rule-set with its own fields: none falls back to JSON', () => {
    const json = BUILT_IN_RULESETS.flatMap((r) => PARAMETER_KEYS.filter((key) => editorFor(key, r[key].value).kind === 'json').map((key) => `${r.id} ${key}`));
    expect(json).toEqual([]);
  });
});

/** The specs inside a spec. */
function innerSpecs(spec: FieldSpec): FieldSpec[] {
  switch (spec.kind) {
    case 'nullable':
      return [spec.inner];
    case 'object':
      return spec.fields.map((f) => f.spec);
    case 'union':
      return [...spec.variants];
    case 'byState':
      return [spec.value];
    case 'list':
      return [spec.item];
    default:
      return [];
  }
}

describe('a value to its draft and back', () => {
  const minRemaining = PARAMETER_SPECS.minRemaining;
  const minServed = PARAMETER_SPECS.minServed;

  it.each([
    ['1 year 6 months', minRemaining, { duration: { years: 1, months: 6, days: 0 }, effect: 'mandatory' }, { present: true, inner: { duration: { years: '1', months: '6', days: '0' }, effect: 'mandatory' } }],
    ['no minimum', minRemaining, null, { present: false, inner: { duration: { years: '0', months: '0', days: '0' }, effect: 'mandatory' } }],
    ['States listed', minServed, { numerator: 1, denominator: 3, lifeMinimum: null, sentencingStates: ['HK', 'TH'], testedAt: 'reference' },
      { present: true, inner: { numerator: '1', denominator: '3', lifeMinimum: { present: false, inner: { years: '0', months: '0', days: '0' } }, sentencingStates: { present: true, inner: ['HK', 'TH'] }, testedAt: 'reference' } }],
    ['every State (null)', minServed, { numerator: 1, denominator: 2, lifeMinimum: { years: 10, months: 0, days: 0 }, sentencingStates: null, testedAt: 'transfer' },
      { present: true, inner: { numerator: '1', denominator: '2', lifeMinimum: { present: true, inner: { years: '10', months: '0', days: '0' } }, sentencingStates: { present: false, inner: [] }, testedAt: 'transfer' } }],
    ['grounds chosen', PARAMETER_SPECS.discretionaryRefusalGrounds, ['dual-national', 'punishment-incompatible'], ['dual-national', 'punishment-incompatible']],
    ['yes', PARAMETER_SPECS.partialTransfer, true, true],
    ['one rule for every sentencing State (a union\'s first shape)', PARAMETER_SPECS.dualNationality, 'bar', { variant: 0, drafts: ['bar', { default: 'allow', bySentencingState: { rows: [] } }] }],
    ['a rule by sentencing State (its second shape)', PARAMETER_SPECS.dualNationality, { default: 'allow', bySentencingState: { HK: 'bar', MO: 'discretionary-refusal' } },
      { variant: 1, drafts: ['allow', { default: 'allow', bySentencingState: { rows: [{ state: 'HK', value: 'bar' }, { state: 'MO', value: 'discretionary-refusal' }] } }] }],
    ['constituent States: yes for every one', PARAMETER_SPECS.subnationalConsent, true, { variant: 0, drafts: [true, { sentencingStates: [] }] }],
    ['constituent States: only those of the States listed', PARAMETER_SPECS.subnationalConsent, { sentencingStates: ['US'] }, { variant: 1, drafts: [false, { sentencingStates: ['US'] }] }],
    ['deadlines: one runs until another event, one until its step ends (no `until`)', PARAMETER_SPECS.deadlines,
      [{ id: 'recognition-decision', after: 'judgmentReceived', days: 90, extendable: true, until: 'final-decision' }, { id: 'speciality-consent', after: 'speciality-request-received', days: 90, extendable: false }],
      [{ id: 'recognition-decision', after: 'judgmentReceived', days: '90', extendable: true, until: 'final-decision' }, { id: 'speciality-consent', after: 'speciality-request-received', days: '90', extendable: false, until: '' }]],
    ['no deadlines', PARAMETER_SPECS.deadlines, [], []],
  ] as const)('%s', (_, spec, value, draft) => {
    expect(draftOfValue(spec, value)).toEqual(draft);
    expect(valueOfDraft(spec, draft as unknown as FieldDraft)).toEqual({ value, problems: [] });
  });

  it.each([
    ['a blank duration part is zero', { present: true, inner: { duration: { years: '', months: '18', days: ' ' }, effect: 'optional-refusal' } }, { duration: { years: 0, months: 18, days: 0 }, effect: 'optional-refusal' }, []],
    ['a part that is not a whole number is named by its path', { present: true, inner: { duration: { years: '1.5', months: 'six', days: '0' }, effect: 'mandatory' } }, { duration: { years: '1.5', months: 'six', days: 0 }, effect: 'mandatory' },
      [{ at: 'duration.years', messageKey: 'ruleset.field.wholeNumber', message: 'must be a whole number' }, { at: 'duration.months', messageKey: 'ruleset.field.wholeNumber', message: 'must be a whole number' }]],
    ['the duration of a minimum that does not apply is not read', { present: false, inner: { duration: { years: 'x', months: '', days: '' }, effect: 'mandatory' } }, null, []],
  ] as const)('%s', (_, draft, value, problems) => {
    expect(valueOfDraft(minRemaining, draft as unknown as FieldDraft)).toEqual({ value, problems });
  });

  it('reads unreadable JSON as a problem of the value itself', () => {
    expect(valueOfDraft({ kind: 'json' }, '[{"id": ')).toEqual({ value: undefined, problems: [{ at: '', messageKey: 'ruleset.field.notJson', message: 'is not JSON: correct it' }] });
  });

  it('keeps every value of every built-in rule-set unchanged through its editor (JSON where its fields could not)', () => {
    for (const ruleSet of BUILT_IN_RULESETS) {
      for (const key of PARAMETER_KEYS) {
        const spec = editorFor(key, ruleSet[key].value);
        expect(valueOfDraft(spec, draftOfValue(spec, ruleSet[key].value)), `${ruleSet.id} ${key}`).toEqual({ value: ruleSet[key].value, problems: [] });
      }
    }
  });

  it('falls back to JSON for an excluded-offence code the desk does not list, so opening the editor loses nothing', () => {
    expect(editorFor('excludedOffences', ['excluded:state-security'])).toEqual(PARAMETER_SPECS.excludedOffences);
    expect(editorFor('excludedOffences', ['excluded:local-custom'])).toEqual({ kind: 'json' });
  });

  it('names a row by State left without its State, or listed twice, by the row', () => {
    const draft = { variant: 1, drafts: ['allow', { default: 'allow', bySentencingState: { rows: [{ state: 'HK', value: 'bar' }, { state: '', value: 'bar' }, { state: 'HK', value: 'allow' }] } }] };
    expect(valueOfDraft(PARAMETER_SPECS.dualNationality, draft).problems).toEqual([
      { at: 'bySentencingState.1.state', messageKey: 'validation.country.select', message: 'Select a State or place' },
      { at: 'bySentencingState.2.state', messageKey: 'ruleset.field.stateTwice', message: 'is listed twice' },
    ]);
  });

  it("a deadline's days typed wrong are named by the row and the field", () => {
    const draft = [{ id: 'a', after: 'requestReceived', days: 'ninety', extendable: false, until: '' }];
    expect(valueOfDraft(PARAMETER_SPECS.deadlines, draft).problems).toEqual([{ at: '0.days', messageKey: 'ruleset.field.wholeNumber', message: 'must be a whole number' }]);
  });

  it('keeps what each shape of a union holds when the officer switches shape and back', () => {
    const byState = { default: 'allow', bySentencingState: { HK: 'bar' } };
    const draft = draftOfValue(PARAMETER_SPECS.dualNationality, byState) as { variant: number; drafts: FieldDraft[] };
    expect(valueOfDraft(PARAMETER_SPECS.dualNationality, { ...draft, variant: 0 }).value).toBe('allow');
    expect(valueOfDraft(PARAMETER_SPECS.dualNationality, { ...draft, variant: 1 }).value).toEqual(byState);
  });

  it('lists the paths of a field for the error summary', () => {
    expect(fieldPaths(minRemaining)).toEqual(['', 'duration', 'duration.years', 'duration.months', 'duration.days', 'effect', 'present']);
    expect(fieldPaths(PARAMETER_SPECS.deadlines)).toEqual(['', '*', '*.id', '*.after', '*.days', '*.extendable', '*.until']);
    expect(fieldPaths(PARAMETER_SPECS.dualNationality)).toEqual(['', 'variant', 'default', 'bySentencingState', 'bySentencingState.*.state', 'bySentencingState.*.value']);
  });
});
