/**
 * Import and export of case files (`tsp-case/1`, docs/case-format.md).
 *
 * Import is all-or-nothing: every case is validated first and any problem refuses the
 * whole file, with each problem named as `cases[i].<field>`. The cases are then created in
 * one transaction, with one audit entry per case (action `case.import`), so each case's
 * history starts with where it came from.
 */
import { allCaseIds, findCase } from '../../db/cases-repo.ts';
import { exportCasesInput, type FieldProblem, type ImportResult } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { creationProblems, creationRefused, insertNewCase, type CreationProblem } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { storableCase, validate } from './validate.ts';
import { write } from './write.ts';

export const IMPORT_MAX_CASES = 100_000;

export function importCases(ctx: ServiceContext, input: unknown): ImportResult {
  const items = Array.isArray(input) ? (input as unknown[]) : [input];
  if (items.length === 0) throw new ServiceError('invalid_input', 'error.import_empty', [{ field: 'cases', message: 'the file holds no case' }]);
  if (items.length > IMPORT_MAX_CASES) {
    throw new ServiceError('invalid_input', 'error.import_too_large', [{ field: 'cases', message: `at most ${IMPORT_MAX_CASES} cases per import` }]);
  }
  const cases: CaseFile[] = [];
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const refusals: CreationProblem[] = [];
  items.forEach((item, i) => {
    try {
      const parsed = storableCase(item, `cases[${i}]`);
      cases.push(parsed.value);
      warnings.push(...parsed.warnings);
      // As for a new case (cases.ts): no ended case without its closure, no step beyond the importer's role.
      refusals.push(...creationProblems(ctx.user.role, parsed.value, `cases[${i}]`));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problems.push(...error.problems);
    }
  });
  if (problems.length > 0) throw new ServiceError('invalid_input', 'error.import_invalid', [...problems, ...refusals.map(({ kind: _kind, ...p }) => p)]);
  if (refusals.length > 0) throw creationRefused(refusals);
  return write(ctx, (scope) => ({
    ids: cases.map((c) => insertNewCase(ctx, scope, c, { action: 'case.import', event: 'imported', reason: null }).id),
    warnings,
  }));
}

/** The cases named (in that order), or every case oldest first, as `tsp-case/1` files. */
export function exportCases(ctx: ServiceContext, input: unknown): CaseFile[] {
  const { ids } = validate(exportCasesInput, input ?? {});
  // One read transaction: the export is a consistent snapshot even while others write.
  return ctx.db.transaction(() => {
    const wanted = ids ?? allCaseIds(ctx.db);
    const problems: FieldProblem[] = [];
    const out: CaseFile[] = [];
    wanted.forEach((id, i) => {
      const found = findCase(ctx.db, id);
      if (found === undefined) problems.push({ field: `ids[${i}]`, message: `no case ${id}` });
      else out.push(found.case);
    });
    if (problems.length > 0) throw new ServiceError('not_found', 'error.case_not_found', problems);
    return out;
  })();
}
