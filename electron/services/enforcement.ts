/**
 * Incoming transfers: the sentence to be enforced here (shared/enforcement) for a stored
 * case, and the Adaptation step (docs/domain.md "The steps of a transfer": I4) that records the decision of the court
 * or authority that adapted or converted it — who, when, the term — refusing one that
 * aggravates the sentence or exceeds our maximum (ETS 112 Arts. 10(2), 11(1)(d); FD 2008/909
 * Art. 8). One write: the case's enforcement facts, a timeline entry on the decision's date
 * with its legal basis, one audit entry.
 *
 * The handover is the one recorded on the timeline (`closed:transferred`) unless a date is
 * given; the profiles are those in force on it (stored versions first, as for assessments).
 */
import type Database from 'better-sqlite3';
import { latestEventDates } from '../../db/case-events-repo.ts';
import type { CaseRecord, FieldProblem } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import type { EnforcementProcedure } from '../../shared/vocabularies.ts';
import type { enforcementContract } from '../../shared/contracts/enforcement.ts';
import { computeEnforcement } from '../../shared/enforcement/compute.ts';
import { allowedProceduresFrom, sourcesOf } from '../../shared/enforcement/procedures.ts';
import { toStoredEnforcement, type StoredEnforcement } from '../../shared/enforcement/report.ts';
import type { Enforcement } from '../../shared/enforcement/types.ts';
import { t } from '../../shared/i18n/index.ts';
import { formatIsoDate, parseIsoDate } from '../../shared/sentence/calendar.ts';
import { directionOf } from '../../shared/workflow/steps.ts';
import { atAdaptationStep } from '../../shared/enforcement/adaptation-step.ts';
import { loadRecord } from './case-records.ts';
import { change } from './case-change.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { resolveProfile, treatyMapOn } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';

interface Options {
  handover?: string | undefined;
  procedure?: EnforcementProcedure | undefined;
}

/** The computation for a stored case, on its own facts or on `c` (a decision about to be recorded). */
function enforcementOf(db: Database.Database, record: CaseRecord, c: CaseFile, options: Options, today: string): Enforcement {
  const recorded = latestEventDates(db, record.id).get('closed:transferred') ?? null;
  const given = options.handover ?? null;
  const handover = given ?? recorded;
  const day = parseIsoDate(handover ?? today);
  const ruleSetId = c.ruleSetId ?? record.latestAssessment?.ruleSetId ?? null;
  return computeEnforcement(c, {
    ruleSetId,
    allowedProcedures: allowedProceduresFrom(treatyMapOn(db, parseIsoDate(today)), ruleSetId, c.administeringState, day),
    today: parseIsoDate(today),
    handover: handover === null ? null : day,
    handoverSource: given !== null ? 'given' : 'recorded',
    procedure: options.procedure ?? null,
    sentencingProfile: resolveProfile(db, c.sentencingState, day),
    administeringProfile: resolveProfile(db, c.administeringState, day),
  });
}


export function computeCaseEnforcement(ctx: ServiceContext, { caseId, handover, procedure }: Input<'enforcement.compute'>): StoredEnforcement {
  const record = loadRecord(ctx.db, caseId);
  return toStoredEnforcement(enforcementOf(ctx.db, record, record.case, { handover, procedure }, todayOf(ctx)));
}

/** Why a decision may not be recorded, one problem per reason (the Adaptation step's guards). */
export function decisionRefusals(record: Pick<CaseRecord, 'case' | 'closeOutcome'>, decisionDate: string, today: string, e: Enforcement): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (field: string, key: string, params: Record<string, string> = {}) =>
    problems.push({ field, message: t('en', key, params), messageKey: key, params });
  if (directionOf(record.case.direction) !== 'incoming') refuse('id', 'enforce.guard.not_incoming');
  if (!atAdaptationStep(record.case.status, record.closeOutcome)) refuse('id', 'enforce.guard.wrong_step');
  if (decisionDate > today) refuse('decision.date', 'enforce.guard.date_in_future');
  if (e.status === 'procedure_not_allowed') refuse('procedure', 'enforce.guard.procedure_not_allowed', { source: e.allowedProcedures[e.procedure].source });
  const d = e.decision;
  // Not accepted, yet neither aggravating nor beyond our maximum: the sentence imposed cannot be dated.
  if (d !== null && !d.accepted && !d.aggravates && d.exceedsMaximum !== true) refuse('decision.term', 'enforce.guard.uncheckable');
  if (d?.aggravates === true && e.imposed.kind === 'fixed') refuse('decision.term', 'enforce.guard.aggravates', { end: formatIsoDate(e.imposed.nominalRelease) });
  if (d?.exceedsMaximum === true) refuse('decision.term', 'enforce.guard.exceeds_our_maximum');
  return problems;
}

export function recordEnforcementDecision(ctx: ServiceContext, { id, expectedVersion, procedure, decision, reason }: Input<'enforcement.recordDecision'>): CaseRecord {
  return change(ctx, {
    id, expectedVersion, reason, action: 'case.enforcement', mustBeOpen: null,
    next: (current, scope) => {
      if (current.closedAt !== null && current.closeOutcome !== 'transferred') {
        throw new ServiceError('conflict', 'error.case_closed', [{ field: 'id', message: 'the case is closed' }]);
      }
      const c: CaseFile = { ...current.case, enforcement: { procedure, decision: { ...decision } } };
      const e = enforcementOf(ctx.db, current, c, {}, scope.today);
      const problems = decisionRefusals(current, decision.date, scope.today, e);
      if (problems.length > 0) throw new ServiceError('conflict', 'error.enforcement_refused', problems);
      const sources = sourcesOf(c.ruleSetId ?? current.latestAssessment?.ruleSetId ?? null);
      const legalBasis = procedure === 'conversion' ? sources.conversion : sources.adaptation;
      return {
        case: c,
        event: { kind: 'enforcement-decision', date: decision.date, fromStatus: current.case.status ?? null, legalBasis, reasonCode: procedure },
      };
    },
  });
}

export const enforcementHandlers: Handlers<keyof typeof enforcementContract> = {
  'enforcement.compute': computeCaseEnforcement,
  'enforcement.recordDecision': recordEnforcementDecision,
};
