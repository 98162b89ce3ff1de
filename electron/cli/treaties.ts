/**
 * `tsp treaties list|show|validate|import|export`: the rule-sets with when their instrument
 * entered into force (treaty map), every parameter with its source and confidence; rule-set
 * files checked against `tsp-ruleset/1`, imported into a store as a new version (through the
 * router, as the app does) and exported from it.
 */
import { t, type Locale } from '../../shared/i18n/index.ts';
import { sourceText } from '../../shared/i18n/sources.ts';
import type { Confidence } from '../../shared/treaties/confidence.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { builtInTreatyMap } from '../../shared/treaties/map/built-in/index.ts';
import { instrumentOfRuleSet, type TreatyMapIndex } from '../../shared/treaties/map/relations.ts';
import { parseRuleSetText } from '../../shared/treaties/ruleset-file.ts';
import { PARAMETER_KEYS, RULESET_FORMAT, type Param, type RuleSet } from '../../shared/treaties/schema.ts';
import { readFailure, UsageError, type CliIo } from './io.ts';
import { checkOutput, writeOutput } from './output.ts';
import type { StoreValues } from './store-commands.ts';

const CONFIDENCE_TAG: Record<string, string> = { C: '[C]', S: '[S]', U: '[U]' };

/**
 * When an instrument binds, as the built-in treaty map records it: for a Hong Kong
 * arrangement (bilateral) Hong Kong's own party row (entry into force, "in force by" a day,
 * not operative since), else the instrument's entry into force; a pattern has no counterparty.
 */
interface MapDates {
  instrument: string;
  /** The party row read ("HK"), or null for the instrument's own date. */
  party: string | null;
  entryIntoForce: string | null;
  inForceBy: string | null;
  ceasesFrom: string | null;
  confidence: Confidence;
}

function mapDatesOf(index: TreatyMapIndex, ruleSetId: string): MapDates | null {
  const instrument = instrumentOfRuleSet(index, ruleSetId);
  if (instrument === undefined) return null;
  // A Hong Kong arrangement (bilateral, Hong Kong a party); a multilateral instrument Hong Kong was once bound by keeps its own date.
  const hk = instrument.kind === 'bilateral' ? instrument.parties.find((p) => p.state === 'HK') : undefined;
  if (hk !== undefined) {
    return { instrument: instrument.id, party: 'HK', entryIntoForce: hk.entryIntoForce, inForceBy: hk.inForceBy, ceasesFrom: hk.ceasesFrom, confidence: hk.confidence };
  }
  return { instrument: instrument.id, party: null, entryIntoForce: instrument.inForce.date, inForceBy: null, ceasesFrom: null, confidence: instrument.inForce.confidence };
}

function mapDatesText(index: TreatyMapIndex, ruleSetId: string): string {
  const dates = mapDatesOf(index, ruleSetId);
  if (dates === null) return '— (not in the treaty map)';
  if (instrumentOfRuleSet(index, ruleSetId)?.kind === 'pattern') return `pattern ${CONFIDENCE_TAG[dates.confidence]}`;
  // No date: unknown to the sources (U), or known not to be in force yet (C/S: signed only, provisionally applied).
  const none = dates.confidence === 'U' ? 'not found' : 'not in force';
  const from = dates.entryIntoForce ?? (dates.inForceBy !== null ? `by ${dates.inForceBy}` : none);
  const ceased = dates.ceasesFrom === null ? '' : `, not operative since ${dates.ceasesFrom}`;
  return `${from} ${CONFIDENCE_TAG[dates.confidence]}${ceased}`;
}

/** `tsp treaties list`: every rule-set with its version and, from the treaty map, when its instrument entered into force. */
export function runTreatiesList(io: CliIo, json: boolean, stored: readonly RuleSet[] = []): number {
  const all = [...BUILT_IN_RULESETS, ...stored];
  const index = builtInTreatyMap();
  if (json) {
    const rows = all.map((r) => ({ id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, title: r.title, kind: r.kind, treatyMap: mapDatesOf(index, r.id) }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const rows = [['id', 'version', 'in force (treaty map)', 'title'], ...all.map((r) => [r.id, r.version, mapDatesText(index, r.id), r.title])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  for (const row of rows) io.out(`${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] as number) : cell)).join('  ')}\n`);
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
    lines.push(`  ${CONFIDENCE_TAG[p.confidence]} ${key}: ${valueText(p.value)}`, `      ${sourceText(p.source, locale)}`);
    if (p.note) lines.push(`      note: ${p.note}`);
  }
  lines.push('  consentExceptions:');
  if (r.consentExceptions.length === 0) lines.push('      none');
  for (const e of r.consentExceptions) {
    const label = t(locale, `param.route.${e.kind}`);
    lines.push(`  ${CONFIDENCE_TAG[e.confidence]} ${e.kind} (${label})${e.opinionRequired ? ', opinion required' : ''}`, `      ${sourceText(e.source, locale)}`);
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
    throw new UsageError(`cannot read rule-set file ${file}: ${readFailure(error)}`);
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
    if (pending) io.out(`${pending.openCases} open case${pending.openCases === 1 ? '' : 's'} will be re-assessed under it by the app at its next start or daily check, or at once from the Treaties page.\n`);
    return 0;
  }, 'write');
}

/** `tsp treaties export --db FILE ID --out OUT.json`: the version in force today (else the latest), as a rule-set file. */
export async function runTreatiesExport(io: CliIo, id: string | undefined, values: StoreValues): Promise<number> {
  if (!id || !values.out) throw new UsageError('use: tsp treaties export --db FILE ID --out OUT.json');
  const out = values.out;
  checkOutput({ ...values, out });
  const { unwrap, withApp } = await import('./store-commands.ts');
  return withApp(values, true, (app) => {
    const { versions } = unwrap(app.router.dispatch('rulesets.get', { id }), `cannot export ${id}`);
    const chosen = versions.find((v) => v.inForceToday) ?? versions[0]!;
    writeOutput({ ...values, out }, `${JSON.stringify(chosen.ruleSet, null, 2)}\n`);
    io.out(`Exported ${id} version ${chosen.version} to ${out}.\n`);
    return 0;
  }, 'read');
}
