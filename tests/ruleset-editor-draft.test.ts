/**
 * The rule-set editor's draft and back (renderer/treaties/editor-draft.ts), as table tests: every
 * built-in rule-set unchanged through the form; a duration, a list and a confidence changed land
 * in the saved rule-set; every problem at once, each at the field that shows it, named by its label.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../shared/treaties/library.ts';
import type { FieldDraft } from '../shared/treaties/parameter-fields.ts';
import type { ParameterKey } from '../shared/treaties/parameter-groups.ts';
import { draftOf, fieldIdOf, fieldLabelOf, ruleSetOf, type EditorDraft, type ParamDraft } from '../renderer/treaties/editor-draft.ts';
import type { Text } from '../renderer/text/use-text.ts';
import { hasMessage, t, type Locale } from '../shared/i18n/index.ts';

/** The words the screen uses, without a window. */
const textFor = (locale: Locale) => ({ locale, ui: (key: string, params = {}) => t(locale, key, params), message: (key: string, params = {}) => t(locale, key, params), has: (key: string) => hasMessage(locale, key) }) as unknown as Text;

const ets112 = builtInRuleSet('coe-ets-112')!;
const edit = (draft: EditorDraft, key: ParameterKey, change: Partial<ParamDraft>): EditorDraft => ({ ...draft, params: { ...draft.params, [key]: { ...draft.params[key], ...change } } });

describe('a version to the form and back', () => {
  it.each(BUILT_IN_RULESETS.map((r) => [r.id, r] as const))('%s comes back as it was, but for its version and date', (_, ruleSet) => {
    const built = ruleSetOf(ruleSet, draftOf(ruleSet, '2026-12-07'));
    expect(built).toEqual({ ok: true, ruleSet: { ...ruleSet, version: '2026-12-07', effectiveFrom: '2026-12-07' } });
  });

  it.each<[string, ParameterKey, FieldDraft, unknown]>([
    ['1 year 6 months', 'minRemaining', { present: true, inner: { duration: { years: '1', months: '6', days: '' }, effect: 'mandatory' } }, { duration: { years: 1, months: 6, days: 0 }, effect: 'mandatory' }],
    ['no minimum', 'minRemaining', { present: false, inner: { duration: { years: '0', months: '6', days: '0' }, effect: 'mandatory' } }, null],
    ['grounds ticked, in the order ticked', 'discretionaryRefusalGrounds', ['no-reasons-needed', 'dual-national'], ['no-reasons-needed', 'dual-national']],
    ['a list of States', 'listExemption', { present: true, inner: { thresholdMonths: '36', optOutStates: ['NL', 'PL'] } }, { thresholdMonths: 36, optOutStates: ['NL', 'PL'] }],
    ['a choice', 'remainingBasis', 'release-with-remission', 'release-with-remission'],
  ])('%s', (_, key, value, saved) => {
    const built = ruleSetOf(ets112, edit(draftOf(ets112, '2026-12-07'), key, { value }));
    expect(built.ok && (built.ruleSet[key] as { value: unknown }).value).toEqual(saved);
  });

  it.each([
    ['C', ''],
    ['U', 'to be confirmed with the Swiss authority'],
  ] as const)('keeps confidence %s and the note "%s" beside the value', (confidence, note) => {
    const built = ruleSetOf(ets112, edit(draftOf(ets112, '2026-12-07'), 'partialTransfer', { confidence, note, source: 'ETS 112 Art. 1' }));
    expect(built.ok && built.ruleSet.partialTransfer).toEqual(note === '' ? { value: ets112.partialTransfer.value, source: 'ETS 112 Art. 1', confidence } : { value: ets112.partialTransfer.value, source: 'ETS 112 Art. 1', confidence, note });
  });
});

describe('every problem at once', () => {
  const bad = () => {
    let draft = draftOf(ets112, '2026-12-07');
    draft = edit(draft, 'minRemaining', { value: { present: true, inner: { duration: { years: 'one', months: '0', days: '0' }, effect: 'mandatory' } }, source: '' });
    draft = edit(draft, 'minServed', { value: { present: true, inner: { numerator: '2', denominator: '1', lifeMinimum: { present: false, inner: { years: '0', months: '0', days: '0' } }, sentencingStates: { present: false, inner: [] }, testedAt: 'reference' } } });
    draft = edit(draft, 'deadlines', { value: [{ id: 'decision', after: 'requestReceived', days: 'ninety', extendable: false, until: '' }, { id: 'handover', after: 'no-such-event', days: '30', extendable: false, until: '' }] });
    draft = edit(draft, 'dualNationality', { value: { variant: 1, drafts: ['allow', { default: 'allow', bySentencingState: { rows: [{ state: '', value: 'bar' }] } }] } });
    return draft;
  };

  it('lists the field problems and the schema problems in one round, each at its field', () => {
    const built = ruleSetOf(ets112, bad());
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const at = Object.fromEntries(built.problems.map((p) => [p.field, [p.messageKey, fieldIdOf(p.field)]]));
    expect(at).toEqual({
      'ruleSet.minRemaining.value.duration.years': ['ruleset.field.wholeNumber', 'f-ruleSet-minRemaining-value-duration-years'],
      'ruleSet.deadlines.value[0].days': ['ruleset.field.wholeNumber', 'f-ruleSet-deadlines-value-0-days'],
      'ruleSet.deadlines.value[1].after': ['validation.deadline.anchor', 'f-ruleSet-deadlines-value-1-after'],
      'ruleSet.dualNationality.value.bySentencingState[0].state': ['validation.country.select', 'f-ruleSet-dualNationality-value-bySentencingState-0-state'],
      'ruleSet.minRemaining.source': ['validation.ruleset.source', 'edit-minRemaining-source'],
      'ruleSet.minServed.value.numerator': ['validation.fraction.aboveOne', 'f-ruleSet-minServed-value-numerator'],
    });
  });

  it.each([
    ['ruleSet.minRemaining.value.duration.years', 'en', 'Minimum remaining to serve: Minimum left to serve – Years'],
    ['ruleSet.minRemaining.value.duration', 'zh-Hant', '最低尚餘刑期：最少尚餘刑期'],
    ['ruleSet.minServed.value.sentencingStates[3]', 'en', 'Minimum period served: Applies to sentences of'],
    ['ruleSet.minRemaining.source', 'en', 'Minimum remaining to serve: Legal source'],
    ['ruleSet.deadlines.value[1].days', 'en', 'Procedural deadlines: Deadline 2 – Days'],
    ['ruleSet.documents.value[0].step', 'zh-Hant', '所需文件：文件 1 – 須於此步驟備妥'],
  ] as const)('names %s by its label (%s)', (field, locale, label) => {
    expect(fieldLabelOf(textFor(locale), field)).toBe(label);
  });

  it('finds the field of a problem below any field (an item of a list of States, a row of a list) and a JSON value\'s textarea', () => {
    expect(fieldIdOf('ruleSet.minServed.value.sentencingStates[3]')).toBe('f-ruleSet-minServed-value-sentencingStates');
    expect(fieldIdOf('ruleSet.documents.value[2].step')).toBe('f-ruleSet-documents-value-2-step');
    expect(fieldIdOf('ruleSet.link.value.byAdministeringState.HK')).toBe('f-ruleSet-link-value-byAdministeringState');
    expect(fieldIdOf('ruleSet.documents.value[2].step', { documents: { kind: 'json' } })).toBe('f-ruleSet-documents-value');
  });
});
