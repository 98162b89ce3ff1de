/** An unknown fact: a dash to the eye, "Not recorded" to a screen reader. Unknown is never "no". */
import { useText } from '../text/use-text.ts';

export function NotRecorded() {
  const text = useText();
  return (
    <span className="not-recorded">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{text.ui('ui.value.notRecorded')}</span>
    </span>
  );
}
