/**
 * `tsp treaties list|show|validate|import|export`: the rule-sets, every parameter with its
 * source and confidence; rule-set files checked against `tsp-ruleset/1`, imported into a
 * store as a new version (through the router, as the app does) and exported from it.
 */
import { t, type Locale } from '../../shared/i18n/index.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { parseRuleSetText } from '../../shared/treaties/ruleset-file.ts';
import { PARAMETER_KEYS, RULESET_FORMAT, type Param, type RuleSet } from '../../shared/treaties/schema.ts';
import { UsageError, type CliIo } from './io.ts';
import type { StoreValues } from './store-commands.ts';

const CONFIDENCE_TAG: Record<string, string> = { C: '[C]', S: '[S]', U: '[U]' };

export function runTreatiesList(io: CliIo, json: boolean, stored: readonly RuleSet[] = []): number {
  const all = [...BUILT_IN_RULESETS, ...stored];
  if (json) {
    io.out(`${JSON.stringify(all.map((r) => ({ id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, title: r.title, kind: r.kind })), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...all.map((r) => r.id.length));
  for (const r of all) io.out(`${r.id.padEnd(width)}  ${r.version.padEnd(12)}  ${r.title}\n`);
  return 0;
}

function valueText(value: unknown): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function runTreatiesShow(io: CliIo, id: string, json: boolean, locale: Locale, stored?: RuleSet): number {
  const r = builtInRuleSet(id) ?? stored;
  if (!r) throw new UsageError(`unknown treaty "${id}" (see: tsp treaties list)`);
  if (json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const lines = [`${r.id} — ${r.title}`, `version ${r.version}, in force from ${r.effectiveFrom}, ${r.kind}`];
  if (r.notes) lines.push(r.notes);
  lines.push('', 'Parameters ([C] confirmed from the instrument, [S] secondary source, [U] unconfirmed):');
  for (const key of PARAMETER_KEYS) {
    const p = r[key] as Param<unknown>;
    lines.push(`  ${CONFIDENCE_TAG[p.confidence]} ${key}: ${valueText(p.value)}`, `      ${p.source}`);
    if (p.note) lines.push(`      note: ${p.note}`);
  }
  lines.push('  consentExceptions:');
  if (r.consentExceptions.length === 0) lines.push('      none');
  for (const e of r.consentExceptions) {
    const label = t(locale, `param.route.${e.kind}`);
    lines.push(`  ${CONFIDENCE_TAG[e.confidence]} ${e.kind} (${label})${e.opinionRequired ? ', opinion required' : ''}`, `      ${e.source}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** `tsp treaties validate FILE`: 0 and a one-line summary for a valid rule-set, 2 with every reason (field: message) otherwise. */
export function runTreatiesValidate(io: CliIo, file: string | undefined): number {
  if (!file) throw new UsageError('use: tsp treaties validate FILE');
  const ruleSet = readRuleSetFile(io, file);
  io.out(`${file}: a valid ${RULESET_FORMAT}: ${ruleSet.id} version ${ruleSet.version}, in force from ${ruleSet.effectiveFrom}\n`);
  return 0;
}

function readRuleSetFile(io: CliIo, file: string): RuleSet {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read rule-set file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseRuleSetText(text);
  if (!parsed.ok) throw new UsageError(`${file} is not a valid ${RULESET_FORMAT} rule-set`, parsed.problems.map((p) => `${p.field}: ${p.message}`));
  return parsed.ruleSet;
}

/** `tsp treaties import --db FILE IN.json`: stores the file as a new version; refused (exit 2) with its reasons, the store unchanged. */
export async function runTreatiesImport(io: CliIo, file: string | undefined, values: StoreValues): Promise<number> {
  if (!file) throw new UsageError('use: tsp treaties import --db FILE IN.json');
  const ruleSet = readRuleSetFile(io, file);
  // The store (and its native module) only for the commands that need one.
  const { unwrap, withApp } = await import('./store-commands.ts');
  return withApp(values, false, (app) => {
    const saved = unwrap(app.router.dispatch('rulesets.save', { ruleSet, reason: `imported from ${file} (tsp treaties import)` }), `${file} was not imported (nothing was written)`);
    io.out(`Imported ${saved.id} version ${saved.version} (in force from ${saved.effectiveFrom}) into ${values.db}.\n`);
    const pending = unwrap(app.router.dispatch('rulesets.pendingReassessments', undefined), 'listing pending re-assessments failed').find(
      (p) => p.ruleSetId === saved.id && p.version === saved.version,
    );
    if (pending) io.out(`${pending.openCases} open case(s) will be re-assessed under it when the Treaties page is next opened.\n`);
    return 0;
  }, true);
}

/** `tsp treaties export --db FILE ID --out OUT.json`: the version in force today (else the latest), as a rule-set file. */
export async function runTreatiesExport(io: CliIo, id: string | undefined, values: StoreValues): Promise<number> {
  if (!id || !values.out) throw new UsageError('use: tsp treaties export --db FILE ID --out OUT.json');
  const out = values.out;
  const { unwrap, withApp } = await import('./store-commands.ts');
  return withApp(values, true, (app) => {
    const { versions } = unwrap(app.router.dispatch('rulesets.get', { id }), `cannot export ${id}`);
    const chosen = versions.find((v) => v.inForceToday) ?? versions[0]!;
    io.writeFile(out, `${JSON.stringify(chosen.ruleSet, null, 2)}\n`);
    io.out(`Exported ${id} version ${chosen.version} to ${out}.\n`);
    return 0;
  });
}
