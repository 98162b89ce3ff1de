/** Recorded facts in words. Absent or null is unknown and stays unknown (shown as not recorded). */
import type { Text } from './use-text.ts';

export function yesNo(text: Text, value: boolean | null | undefined): string | null {
  return value == null ? null : text.ui(value ? 'ui.value.yes' : 'ui.value.no');
}
