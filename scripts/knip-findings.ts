/**
 * knip's JSON report as one line per finding, `kind  file  name`, without line numbers (they
 * move with every edit above them): what scripts/knip-findings.allowed.txt lists.
 */

interface Finding {
  name: string;
  namespace?: string;
  /** Where it is (line, col, pos): left out of the lines. */
  [position: string]: unknown;
}

type IssueValue = Finding[] | Finding[][] | Record<string, Finding[]>;

export interface KnipReport {
  issues: ({ file: string } & Record<string, IssueValue | string>)[];
}

export function knipFindings(report: KnipReport): string[] {
  const lines: string[] = [];
  for (const issue of report.issues) {
    for (const [kind, value] of Object.entries(issue)) {
      if (kind === 'file' || typeof value === 'string') continue;
      const names = Array.isArray(value)
        ? value.map((item) => (Array.isArray(item) ? item.map((f) => f.name).join(' = ') : item.namespace === undefined ? item.name : `${item.namespace}.${item.name}`))
        : Object.entries(value).flatMap(([parent, members]) => members.map((m) => `${parent}.${m.name}`));
      for (const name of names) lines.push(`${kind}  ${issue.file}  ${name}`);
    }
  }
  return lines.sort();
}

/** Counts by kind, for the summary line: `exports 113, types 33`. */
export function countsByKind(findings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const line of findings) {
    const kind = line.split('  ')[0]!;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
}
