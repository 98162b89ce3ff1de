/**
 * Where in the Treaties page the hash points (`#/treaties...`; route-slice.ts hands over the
 * rest of the hash as `path`): the list, one rule-set, its editor, a re-assessment report,
 * the jurisdiction profiles, or the treaty table between two States.
 */
export type TreatiesView =
  | { view: 'list' }
  | { view: 'ruleSet'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'report'; reportId: string }
  | { view: 'profiles' }
  | { view: 'table' };

const REPORT = /^\/report\/([0-9a-f-]{36})$/i;
const RULE_SET = /^\/([a-z0-9][a-z0-9-]*)(\/edit)?$/;

export function treatiesView(path: string): TreatiesView {
  if (path === '/profiles') return { view: 'profiles' };
  if (path === '/table') return { view: 'table' };
  const report = REPORT.exec(path);
  if (report?.[1] !== undefined) return { view: 'report', reportId: report[1] };
  const ruleSet = RULE_SET.exec(path);
  if (ruleSet?.[1] !== undefined) return ruleSet[2] === undefined ? { view: 'ruleSet', id: ruleSet[1] } : { view: 'edit', id: ruleSet[1] };
  return { view: 'list' };
}

export const treatiesHref = {
  list: () => '#/treaties',
  ruleSet: (id: string) => `#/treaties/${id}`,
  edit: (id: string) => `#/treaties/${id}/edit`,
  report: (reportId: string) => `#/treaties/report/${reportId}`,
  profiles: () => '#/treaties/profiles',
  table: () => '#/treaties/table',
};
