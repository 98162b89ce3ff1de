/** Words for transfer tracking, shared by the case page's Transfer and Documents sections and the Due page. */
import type { AlertOut } from '../../shared/workflow-schemas.ts';
import type { Refusal, TransitionId } from '../../shared/workflow/lifecycle.ts';
import type { Step } from '../../shared/workflow/steps.ts';
import { alertText } from '../../shared/workflow/alert-text.ts';
import type { Text } from '../text/use-text.ts';

/** A document's name; a kind a custom rule-set invented has no label and is shown as written. */
export function documentLabel(text: Text, kind: string): string {
  const key = `workflow.document.${kind}`;
  return text.has(key) ? text.message(key) : kind;
}

export function transitionLabel(text: Text, id: TransitionId): string {
  return text.ui(`workflow.transition.${id}`);
}

export function stepLabel(text: Text, step: Step): string {
  return step === 'transferred' || step === 'post-transfer' ? text.ui(`workflow.step.${step}`) : text.ui(`ui.caseStatus.${step}`);
}

/** Why a guard refuses, with what is missing named in the reader's language. */
export function refusalText(text: Text, refusal: Pick<Refusal, 'guard' | 'missing'>): string {
  const missing = refusal.guard === 'documents_missing' ? refusal.missing.map((kind) => documentLabel(text, kind)).join(text.locale === 'en' ? '; ' : '；') : refusal.missing.join(', ');
  return text.ui(`workflow.guard.${refusal.guard}`, { missing });
}

export function alertLabel(text: Text, alert: Pick<AlertOut, 'kind' | 'id' | 'urgency'>): string {
  return alertText(text.locale, alert);
}
