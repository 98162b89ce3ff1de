/** `tsp treaties list|show`: the rule-sets, every parameter with its source and confidence. */
import { t, type Locale } from '../../shared/i18n/index.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { PARAMETER_KEYS, type Param, type RuleSet } from '../../shared/treaties/schema.ts';
import { UsageError, type CliIo } from './io.ts';

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
