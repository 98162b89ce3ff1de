/** `tsp assess`: one case file against one rule-set, as a readable report or the JSON contract. */
import type Database from 'better-sqlite3';
import { parseCase, problemOf, type CaseFile, REPORT_INPUT } from '../../shared/domain/case.ts';
import { assessmentToJson, type AssessmentJson } from '../../shared/eligibility/report.ts';
import { t, type Locale } from '../../shared/i18n/index.ts';
import { sourceText } from '../../shared/i18n/sources.ts';
import { DATE_MAX, DATE_MIN, isDateInBounds } from '../../shared/domain/bounds.ts';
import { isIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';
import { assessUnder, lawResolver, type ResolvedRuleSet } from '../services/ruleset-resolution.ts';
import { readJsonFile, UsageError, type CliIo } from './io.ts';

export interface AssessArgs {
  casePath: string;
  treaty?: string | undefined;
  treatyFile?: string | undefined;
  on?: string | undefined;
  json: boolean;
  locale: Locale;
  /**
   * With --db: the store, whose rule-set, profile and treaty map versions in force are used
   * (the same resolution as the app's); without it, the built-in law.
   */
  store?: Database.Database | undefined;
}

/** The law the case is assessed under: the rule-set (by id, or a file), the sentencing State's profile and the treaty map. */
export function resolveLaw(io: CliIo, args: Pick<AssessArgs, 'treaty' | 'treatyFile' | 'store'>, c: CaseFile, on: number | null, today: number): ResolvedRuleSet {
  const file = args.treatyFile ? ruleSetFile(io, args.treatyFile) : undefined;
  const id = file?.id ?? args.treaty;
  if (!id) throw new UsageError('give --treaty ID or --treaty-file FILE (see: tsp treaties list)');
  const found = lawResolver(args.store ?? null, file)(id, c, on ?? undefined, today);
  if (!found) throw new UsageError(`unknown treaty "${id}" (see: tsp treaties list)`);
  return found;
}

function ruleSetFile(io: CliIo, path: string): RuleSet {
  const parsed = ruleSetSchema.safeParse(readJsonFile(io, path, 'rule-set file'), REPORT_INPUT);
  if (!parsed.success) {
    throw new UsageError(
      `${path} is not a valid rule-set (tsp-ruleset/1):`,
      parsed.error.issues.map(problemOf).map((p) => `${p.field}: ${p.message}`),
    );
  }
  return parsed.data;
}

export function runAssess(io: CliIo, args: AssessArgs): number {
  if (args.on !== undefined && !isIsoDate(args.on)) throw new UsageError(`--on must be a calendar date written YYYY-MM-DD, not "${args.on}"`);
  if (args.on !== undefined && !isDateInBounds(args.on)) throw new UsageError(`--on must be a date from ${DATE_MIN} to ${DATE_MAX}, not "${args.on}"`);
  const parsed = parseCase(readJsonFile(io, args.casePath, 'case file'));
  if (!parsed.ok) {
    throw new UsageError(`${args.casePath} is not a valid tsp-case/1 file:`, parsed.errors.map((e) => `${e.field}: ${e.message}`));
  }
  for (const w of parsed.warnings) io.err(`warning: ${w.field}: ${w.message}\n`);
  const today = todayFrom(io.now());
  const on = args.on !== undefined ? parseIsoDate(args.on) : null;
  const law = resolveLaw(io, args, parsed.value, on, today);
  const result = assessmentToJson(assessUnder(law, parsed.value, on, today), args.locale);
  io.out(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result, law.ruleSet, args.locale));
  return 0;
}

const STATUS_MARK: Record<string, string> = { met: '✓', not_met: '✗', unknown: '?', waived: '~', not_applicable: '–' };

export function renderReport(r: AssessmentJson, ruleSet: RuleSet, locale: Locale): string {
  const lines: string[] = [];
  const L = (key: string) => t(locale, key);
  lines.push(`${L('report.verdict')}: ${L(`verdict.${r.verdict}`).toUpperCase()}`);
  lines.push(`  ${L(`verdict.${r.verdict}.detail`)}`);
  if (r.rescreenOn) lines.push(`${L('report.rescreen')}: ${r.rescreenOn}`);
  lines.push(`${L('report.treaty')}: ${ruleSet.id} (${ruleSet.version}) ${ruleSet.title}`);
  lines.push(`${L('report.reference')}: ${r.referenceDate} (${t(locale, `param.event.${r.referenceEvent}`)}${r.referenceProvisional ? '; provisional' : r.referenceSource === 'override' ? '; --on' : ''})`);
  if (r.flags.length > 0) {
    lines.push('', `${L('report.flags')}:`);
    for (const f of r.flags) {
      const partial = f.startsWith('partial:') ? t(locale, 'flag.partial', { id: f.slice(8) }) : L(`flag.${f}`);
      lines.push(`  - ${partial}`);
    }
  }
  lines.push('', `${L('report.conditions')}:`);
  for (const c of r.conditions) {
    const status = `${STATUS_MARK[c.status] ?? ''} ${L(`status.${c.status}`)}`;
    const effect = c.effect !== 'mandatory' ? ` [${L(`effect.${c.effect}`)}]` : '';
    lines.push(`  ${status.padEnd(18)} ${L(`condition.${c.id}`)}${effect}`);
    lines.push(`  ${''.padEnd(18)} ${c.explanation}`);
    if (c.status !== 'not_applicable') {
      lines.push(`  ${''.padEnd(18)} ${sourceText(c.source, locale)}${c.confidence === 'U' ? ` (${L('report.unconfirmed')})` : c.confidence === 'S' ? ` (${L('confidence.S')})` : ''}`);
    }
    if (c.missing.length > 0) lines.push(`  ${''.padEnd(18)} ${L('report.missing')}: ${c.missing.join(', ')}`);
  }
  lines.push('', `${L('report.dates')}:`);
  lines.push(`  ${L('report.releaseDate')}: ${r.dates.releaseDate ?? '—'}`);
  lines.push(`  ${L('report.sentenceExpiryDate')}: ${r.dates.sentenceExpiryDate ?? '—'}`);
  lines.push(`  ${L('report.remainingDays')}: ${r.dates.remainingDays ?? '—'}`);
  lines.push('', `${L('report.arithmetic')}:`);
  r.arithmetic.forEach((s, i) => lines.push(`  ${i + 1}. ${s.text}`));
  return `${lines.join('\n')}\n`;
}
