/**
 * The rule-set editor's form state and its conversion: a draft of text fields made from a
 * version, and back to a rule-set to save (or the fields whose JSON cannot be read). Pure;
 * the schema itself is applied by the service, whose problems come back with field paths.
 */
import type { FieldProblem } from '../../shared/api-schemas.ts';
import type { Text } from '../text/use-text.ts';
import { type ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import { PARAMETER_KEYS, referenceEvents, type Param, type RuleSet } from '../../shared/treaties/schema.ts';

/** Parameters edited with a list of choices; the rest (objects, lists) as JSON. */
export const CHOICES: Partial<Record<ParameterKey, readonly unknown[]>> = {
  referenceEvent: referenceEvents,
  statesAgreementRequired: [true, false],
  dualNationality: ['allow', 'discretionary-refusal', 'bar'],
  otherProceedings: ['not-addressed', 'bar'],
  remainingBasis: ['expiry', 'release-with-remission'],
  indeterminateBypass: [true, false],
  deathSentence: ['not-addressed', 'bar', 'bar-unless-commuted'],
  partialTransfer: [true, false],
};
export const MIN_REMAINING_EFFECTS = ['mandatory', 'mandatory-with-exception', 'optional-refusal'] as const;

export interface ParamDraft {
  /** JSON text of the value (a choice's value too, e.g. `"allow"`, `true`). */
  value: string;
  source: string;
  confidence: Param<unknown>['confidence'];
  note: string;
}

export interface MinRemainingDraft {
  enabled: boolean;
  years: string;
  months: string;
  days: string;
  effect: (typeof MIN_REMAINING_EFFECTS)[number];
}

export interface EditorDraft {
  version: string;
  effectiveFrom: string;
  title: string;
  notes: string;
  reason: string;
  params: Record<ParameterKey, ParamDraft>;
  minRemaining: MinRemainingDraft;
}

export function draftOf(base: RuleSet, today: string): EditorDraft {
  const params = Object.fromEntries(
    PARAMETER_KEYS.map((key) => {
      const p = base[key] as Param<unknown>;
      return [key, { value: JSON.stringify(p.value, null, 2), source: p.source, confidence: p.confidence, note: p.note ?? '' }];
    }),
  ) as Record<ParameterKey, ParamDraft>;
  const m = base.minRemaining.value;
  return {
    version: today,
    effectiveFrom: today,
    title: base.title,
    notes: base.notes ?? '',
    reason: '',
    params,
    minRemaining: {
      enabled: m !== null,
      years: String(m?.duration.years ?? 0),
      months: String(m?.duration.months ?? 6),
      days: String(m?.duration.days ?? 0),
      effect: m?.effect ?? 'mandatory',
    },
  };
}

const wholeOrText = (s: string): number | string => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

/** The rule-set the draft describes (unchecked: the service validates it), or the fields whose JSON is unreadable. */
export function ruleSetOf(base: RuleSet, draft: EditorDraft): { ok: true; ruleSet: Record<string, unknown> } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: Record<string, unknown> = { ...base, version: draft.version.trim(), effectiveFrom: draft.effectiveFrom, title: draft.title };
  if (draft.notes.trim() === '') delete out.notes;
  else out.notes = draft.notes;
  for (const key of PARAMETER_KEYS) {
    const p = draft.params[key];
    let value: unknown;
    if (key === 'minRemaining') {
      const m = draft.minRemaining;
      value = m.enabled ? { duration: { years: wholeOrText(m.years), months: wholeOrText(m.months), days: wholeOrText(m.days) }, effect: m.effect } : null;
    } else {
      try {
        value = JSON.parse(p.value);
      } catch {
        problems.push({ field: `ruleSet.${key}.value`, message: 'is not JSON: correct it', messageKey: 'ui.treaties.editor.badJson' });
        continue;
      }
    }
    out[key] = p.note.trim() === '' ? { value, source: p.source, confidence: p.confidence } : { value, source: p.source, confidence: p.confidence, note: p.note };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ruleSet: out };
}

/** The form element a problem belongs to, by the problem's field path. */
export function fieldIdOf(field: string): string {
  const match = /^ruleSet\.([A-Za-z]+)(?:\.(source|confidence|note))?/.exec(field);
  if (field === 'reason') return 'edit-reason';
  if (match === null) return 'edit-version';
  const [, key, part] = match;
  if (key === 'version' || key === 'effectiveFrom' || key === 'title' || key === 'notes') return `edit-${key}`;
  if (part !== undefined) return `edit-${key}-${part}`;
  return key === 'minRemaining' ? 'edit-minRemaining-months' : `edit-${key}-value`;
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
  const partLabel = part === 'source' ? text.ui('ui.treaties.params.source') : part === 'confidence' ? text.ui('ui.treaties.params.confidence') : part === 'note' ? text.ui('treaties.meta.notes') : text.ui('ui.treaties.params.value');
  return text.ui('ui.treaties.editor.fieldLabel', { parameter, part: partLabel });
}
