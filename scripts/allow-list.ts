/**
 * An allow-list of known findings (import cycles, dead exports) that may only shrink: the check
 * fails on a finding the list does not hold, and names the listed ones that have gone so they
 * are struck off. One finding per line; `#` starts a comment line; blank lines are ignored.
 */

export function parseAllowList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export interface AllowListComparison {
  /** Found and not listed: the check fails on these. */
  added: string[];
  /** Listed and no longer found: to be struck off the list. */
  gone: string[];
}

export function compareWithAllowList(found: readonly string[], allowed: readonly string[]): AllowListComparison {
  const foundSet = new Set(found);
  const allowedSet = new Set(allowed);
  return {
    added: [...foundSet].filter((f) => !allowedSet.has(f)).sort(),
    gone: [...allowedSet].filter((a) => !foundSet.has(a)).sort(),
  };
}

/** The list's text without the `gone` findings, its comments and order kept; nothing is ever added. */
export function withoutGone(text: string, gone: readonly string[]): string {
  const strike = new Set(gone);
  return text
    .split('\n')
    .filter((line) => !strike.has(line.trim()))
    .join('\n');
}
