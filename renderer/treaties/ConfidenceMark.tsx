/**
 * How sure we are of a rule parameter, as icon + word: confirmed, secondary source, or
 * unconfirmed — the last with a warning icon and its own row style, so nobody takes it for law.
 */
import type { Confidence } from '../../shared/treaties/confidence.ts';
import { Icon } from '../components/Icon.tsx';
import { useText } from '../text/use-text.ts';

export function ConfidenceMark({ confidence }: { confidence: Confidence }) {
  const text = useText();
  return (
    <span className={`confidence confidence--${confidence}`} title={text.ui(`confidence.${confidence}`)}>
      <Icon name={confidence === 'C' ? 'check' : confidence === 'S' ? 'dash' : 'warning'} />
      {text.ui(`ui.treaties.confidence.${confidence}`)}
    </span>
  );
}
