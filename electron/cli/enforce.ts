/** `tsp enforce`: the sentence an incoming case will serve here, as a readable report or the JSON contract. */
import { parseCase, type Term } from '../../shared/domain/case.ts';
import { ENFORCEMENT_PROCEDURES, type EnforcementProcedure } from '../../shared/vocabularies.ts';
import { computeEnforcement } from '../../shared/enforcement/compute.ts';
import { allowedProceduresFrom } from '../../shared/enforcement/procedures.ts';
import { builtInTreatyMap } from '../../shared/treaties/map/built-in/index.ts';
import { enforcementToJson, type EnforcementJson, type StoredSpan } from '../../shared/enforcement/report.ts';
import { formatPeriod, t, type Locale } from '../../shared/i18n/index.ts';
import { sourceText } from '../../shared/i18n/sources.ts';
import { isIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { readJsonFile, UsageError, type CliIo } from './io.ts';

export interface EnforceArgs {
  casePath: string;
  handover?: string | undefined;
  procedure?: string | undefined;
  json: boolean;
  locale: Locale;
}

export function runEnforce(io: CliIo, args: EnforceArgs): number {
  if (args.handover !== undefined && !isIsoDate(args.handover)) throw new UsageError(`--handover must be a calendar date written YYYY-MM-DD, not "${args.handover}"`);
  if (args.procedure !== undefined && !(ENFORCEMENT_PROCEDURES as readonly string[]).includes(args.procedure)) {
    throw new UsageError(`--procedure must be one of ${ENFORCEMENT_PROCEDURES.join(', ')}, not "${args.procedure}"`);
  }
  const parsed = parseCase(readJsonFile(io, args.casePath, 'case file'));
  if (!parsed.ok) {
    throw new UsageError(`${args.casePath} is not a valid tsp-case/1 file:`, parsed.errors.map((e) => `${e.field}: ${e.message}`));
  }
  for (const w of parsed.warnings) io.err(`warning: ${w.field}: ${w.message}\n`);
  if (parsed.value.direction !== 'incoming') io.err('warning: direction: the case is not recorded as incoming; computed as if it were\n');
  const result = enforcementToJson(
    computeEnforcement(parsed.value, {
      allowedProcedures: allowedProceduresFrom(builtInTreatyMap(), parsed.value.ruleSetId, parsed.value.administeringState, todayFrom(io.now())),
      today: todayFrom(io.now()),
      handover: args.handover === undefined ? null : parseIsoDate(args.handover),
      procedure: (args.procedure as EnforcementProcedure | undefined) ?? null,
    }),
    args.locale,
  );
  io.out(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderEnforcement(result, args.locale));
  return 0;
}

function term(locale: Locale, value: Term | null): string {
  if (value === null) return '—';
  return typeof value === 'string' ? t(locale, `ui.term.${value}`) : formatPeriod(locale, value);
}

function span(locale: Locale, s: StoredSpan): string {
  if (s.kind === 'fixed') return `${s.start} → ${s.nominalRelease}; ${t(locale, 'report.releaseDate')}: ${s.releaseDate}`;
  if (s.kind === 'indeterminate') return `${t(locale, 'ui.term.life')} / ${t(locale, 'ui.term.indeterminate')}${s.start === null ? '' : ` (${s.start})`}`;
  return '—';
}

export function renderEnforcement(r: EnforcementJson, locale: Locale): string {
  const L = (key: string, params = {}) => t(locale, key, params);
  const days = (n: number) => L('ui.days', { count: n });
  const lines: string[] = [];
  lines.push(`${L('enforce.report.status')}: ${L(`enforce.status.${r.status}`).toUpperCase()}`);
  lines.push(`  ${L(`enforce.status.${r.status}.detail`)}`);
  lines.push(`${L('enforce.report.procedure')}: ${L(`param.procedure.${r.procedure}`)} — ${sourceText(r.allowedProcedures[r.procedure].source, locale)}`);
  lines.push(`${L('enforce.report.handover')}: ${r.handover}${r.handoverProvisional ? ` (${L('enforce.report.provisional')})` : ''}`);
  if (r.flags.length > 0) {
    lines.push('', `${L('report.flags')}:`);
    for (const f of r.flags) lines.push(`  - ${L(`enforce.flag.${f}`)}`);
  }
  lines.push('', `${L('enforce.report.imposed')}: ${span(locale, r.imposed)}`);
  if (r.sentences.length > 0) {
    lines.push(`${L('enforce.report.sentences')}:`);
    for (const s of r.sentences) {
      const maximum = s.maximum === null ? '—' : s.maximum === 'life' ? L('ui.term.life') : L('enforce.ui.months', { count: s.maximum });
      lines.push(`  ${s.id}  ${term(locale, s.imposed)}  ≤ ${maximum}${s.offence === null ? '' : ` (${s.offence})`}  → ${L(`enforce.outcome.${s.outcome}`)}${s.enforced === null ? '' : `: ${term(locale, s.enforced)}`}`);
    }
  }
  if (r.ceilingRelease !== null) lines.push(`${L('enforce.report.ceiling')}: ${r.ceilingRelease}`);
  if (r.decision !== null) {
    const d = r.decision;
    const verdict = d.accepted ? L('enforce.ui.decision.accepted') : L('enforce.ui.decision.refused');
    lines.push(`${L('enforce.report.decision')}: ${d.authority ?? '—'}, ${d.date ?? '—'}: ${term(locale, d.term)} — ${verdict}`);
  }
  lines.push(`${L('enforce.report.enforced')}: ${r.enforced === null ? '—' : span(locale, r.enforced)}`);
  if (r.served !== null) {
    lines.push(`${L('enforce.report.served')}: ${days(r.served.totalDays)} (${L('enforce.ui.servedParts', { custody: r.served.custodyDays, remand: r.served.remandDays })})`);
  }
  if (r.remainingDays !== null) lines.push(`${L('enforce.report.remaining')}: ${days(r.remainingDays)}`);
  if (r.release !== null) lines.push(`${L('enforce.report.release')}: ${r.release.projectedRelease}`);
  if (r.missing.length > 0) lines.push(`${L('report.missing')}: ${r.missing.join(', ')}`);
  lines.push('', `${L('report.arithmetic')}:`);
  r.arithmetic.forEach((s, i) => lines.push(`  ${i + 1}. ${s.text}`));
  return `${lines.join('\n')}\n`;
}
