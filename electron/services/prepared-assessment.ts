/**
 * An assessment in two halves, so that the engine can run away from the thread that writes
 * (electron/reassess-worker.ts):
 *
 * - prepareAssessment: resolve the law, run the engine, write the case and the result out as
 *   documents (shared/eligibility/stored-result.ts) with their sha256; reads only. A document the
 *   case's latest assessment already has (same hash) is named by its id, not carried again.
 * - storePreparedAssessment: inside the caller's write transaction, store the documents the
 *   store lacks, the assessment row, the due dates where they changed and the `assessment.run`
 *   audit entry. The same for one case (runAssessment) and for a batch (reassess.ts).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  insertAssessment,
  snapshotContent,
  storeSnapshot,
  type AssessmentDueDates,
  type LatestDocuments,
  type NewAssessmentRow,
} from '../../db/assessments-repo.ts';
import type { AuditAppend } from '../../db/audit-repo.ts';
import type { WriteDb } from '../../db/handles.ts';
import type { StoredCase } from '../../db/cases-repo.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { toStoredDocuments } from '../../shared/eligibility/report.ts';
import { joinResult, type LawTexts, type StoredOutcome } from '../../shared/eligibility/stored-result.ts';
import { parseIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';
import { verdictChange, type VerdictChange } from '../../shared/treaties/verdict-changes.ts';
import { ServiceError } from './errors.ts';
import { assessUnder, type RuleSetResolver } from './ruleset-resolution.ts';
import { timeOrderedUuid } from './time-ordered-id.ts';
import type { WriteScope } from './write.ts';

export interface AssessRequest {
  caseId: string;
  ruleSetId?: string | undefined;
  on?: string | undefined;
  reason: string | null;
}

/**
 * A document already in the store (by id), one to store (its text), or one a case before it in the
 * same batch carries (its hash alone: the batch is stored in order).
 */
export type DocumentRef = { id: number; hash: string } | { hash: string; content: string } | { hash: string };

/** An assessment computed and written out, not yet stored. Plain data: it crosses from a worker thread. */
export interface PreparedAssessment {
  caseId: string;
  /** The version of the case that was assessed: stored only while the case is still at it. */
  caseVersion: number;
  /** The case's latest assessment when this was computed (null: none); `change` is against it. */
  previousId: string | null;
  ruleSet: { id: string; version: string; hash: string; source: 'built-in' | 'stored' };
  /** Under the case's own rule-set (or any, for a case that names none); else exploration. */
  own: boolean;
  verdict: StoredVerdict;
  referenceDate: string;
  on: string | null;
  due: AssessmentDueDates;
  caseSnapshot: DocumentRef;
  /** The outcome (the result without its law's texts). */
  result: DocumentRef;
  texts: DocumentRef;
  /** sha256 of the case snapshot's JSON followed by the result's (as it reads back): what the audit entry ties into the chain. */
  snapshotHash: string;
  /** The verdict and conditions that moved since the previous assessment (the re-assessment report's item). */
  change: VerdictChange;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What the cases of one batch share: the documents carried so far (by hash: each is carried once), the law's texts written out. */
export interface BatchMemory {
  carried: Set<string>;
  /** The sha256 of each JSON of the law's texts written so far. */
  texts: Map<string, string>;
}

export const batchMemory = (): BatchMemory => ({ carried: new Set(), texts: new Map() });

function documentRef(content: string, known: readonly ({ id: number; hash: string } | null | undefined)[], memory: BatchMemory, hash = sha256(content)): DocumentRef {
  const same = known.find((k) => k?.hash === hash);
  if (same) return { id: same.id, hash };
  if (memory.carried.has(hash)) return { hash };
  memory.carried.add(hash);
  return { hash, content };
}

/** The law's texts written out, and hashed once for every case of a batch that reads the same. */
function textsRef(texts: LawTexts, known: { id: number; hash: string } | null | undefined, memory: BatchMemory): DocumentRef {
  const json = JSON.stringify(texts);
  let hash = memory.texts.get(json);
  if (hash === undefined) memory.texts.set(json, (hash = sha256(json)));
  return documentRef(json, [known], memory, hash);
}

/** What a preparation reads besides the case: the law, and the case's latest assessment's documents. */
export interface PrepareContext {
  resolve: RuleSetResolver;
  today: DayNumber;
  previous: LatestDocuments | undefined;
  /** A stored document's text by id (the previous result, when it is not the same as the new one). */
  document: (id: number) => string | undefined;
  memory: BatchMemory;
}

/** Resolves the law, runs the engine and writes the result out; throws ServiceError for a case without a (known) rule-set. */
export function prepareAssessment(stored: StoredCase, request: AssessRequest, { resolve, today, previous, document, memory }: PrepareContext): PreparedAssessment & { outcome: StoredOutcome; lawTexts: LawTexts } {
  const ruleSetId = request.ruleSetId ?? stored.case.ruleSetId ?? undefined;
  if (ruleSetId === undefined) {
    throw new ServiceError('invalid_input', 'error.ruleset_required', [{ field: 'ruleSetId', message: 'the case names no rule-set: choose one' }]);
  }
  const on = request.on === undefined ? undefined : parseIsoDate(request.on);
  const law = resolve(ruleSetId, stored.case, on, today, request.caseId);
  if (law === undefined) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'ruleSetId', message: `no rule-set "${ruleSetId}"` }]);
  }
  // The store's resolver never takes a rule-set file: a stored assessment is under a built-in or stored version.
  if (law.source === 'file') throw new Error('an assessment in the store is made under a built-in or stored rule-set');
  const { outcome, texts } = toStoredDocuments(assessUnder(law, stored.case, on, today));
  const caseJson = JSON.stringify(stored.case);
  const own = stored.case.ruleSetId == null || stored.case.ruleSetId === law.ruleSet.id;
  // Only the case's own assessments follow one another (exploration is never its latest).
  const before = own ? previous : undefined;
  const resultRef = documentRef(JSON.stringify(outcome), [before?.result], memory);
  const sameResult = 'id' in resultRef && resultRef.id === before?.result.id;
  const previousResult = before === undefined || sameResult ? undefined : document(before.result.id);
  return {
    caseId: request.caseId,
    caseVersion: stored.meta.version,
    previousId: previous?.assessmentId ?? null,
    ruleSet: { id: law.ruleSet.id, version: law.ruleSet.version, hash: law.hash, source: law.source },
    own,
    verdict: outcome.verdict,
    referenceDate: outcome.referenceDate,
    on: request.on ?? null,
    due: { rescreen_on: outcome.rescreenOn, release_date: outcome.dates.releaseDate, discharge_date: outcome.dates.expectedDischargeDate },
    caseSnapshot: documentRef(caseJson, [before?.caseSnapshot], memory),
    result: resultRef,
    texts: textsRef(texts, before?.texts, memory),
    snapshotHash: createHash('sha256').update(caseJson).update(JSON.stringify(joinResult(outcome, texts))).digest('hex'),
    // The same outcome: nothing moved. Else the earlier result (an outcome, or a whole result from before schema 15) says what did.
    change: sameResult
      ? { before: outcome.verdict, after: outcome.verdict, verdictChanged: false, conditions: [] }
      : verdictChange(previousResult === undefined ? null : (JSON.parse(previousResult) as StoredOutcome), outcome),
    outcome,
    lawTexts: texts,
  };
}

/** prepareAssessment reading from `db` (one case, or a batch on the writing thread). */
export function prepareFromStore(
  db: Database.Database,
  stored: StoredCase,
  request: AssessRequest,
  resolve: RuleSetResolver,
  today: DayNumber,
  previous: LatestDocuments | undefined,
  memory: BatchMemory = batchMemory(),
) {
  return prepareAssessment(stored, request, { resolve, today, previous, document: (id) => snapshotContent(db, id), memory });
}

/**
 * What one write knows of documents: the ids of those stored or found so far (a batch shares its
 * law's texts), and the texts its batch carries by hash — a case prepared again in the write may
 * no longer carry a text that a case after it names by its hash alone.
 */
export interface DocumentIds {
  ids: Map<string, number>;
  carried: Map<string, string>;
}

/** The documents of a write storing `batch` (the assessments as prepared, before any is prepared again). */
export function documentIds(batch: readonly PreparedAssessment[] = []): DocumentIds {
  const carried = new Map<string, string>();
  for (const p of batch) for (const ref of [p.caseSnapshot, p.result, p.texts]) if ('content' in ref) carried.set(ref.hash, ref.content);
  return { ids: new Map(), carried };
}

function documentId(db: WriteDb, ref: DocumentRef, documents: DocumentIds): number {
  if ('id' in ref) return ref.id;
  let id = documents.ids.get(ref.hash);
  if (id === undefined) {
    const content = 'content' in ref ? ref.content : documents.carried.get(ref.hash);
    if (content === undefined) throw new Error(`document ${ref.hash} is named before it is carried`);
    id = storeSnapshot(db, { hash: ref.hash, content });
    documents.ids.set(ref.hash, id);
  }
  return id;
}

/** Stores a prepared assessment and its audit entry; the caller owns the transaction. Returns the new assessment's row. */
export function storePreparedAssessment(
  db: WriteDb,
  scope: WriteScope,
  prepared: PreparedAssessment,
  reason: string | null,
  audit: AuditAppend,
  documents: DocumentIds = documentIds(),
): NewAssessmentRow {
  const row: NewAssessmentRow = {
    // Time-ordered: the assessments' indexes on id grow at their end (time-ordered-id.ts).
    id: timeOrderedUuid(),
    case_id: prepared.caseId,
    case_version: prepared.caseVersion,
    rule_set_id: prepared.ruleSet.id,
    rule_set_version: prepared.ruleSet.version,
    rule_set_hash: prepared.ruleSet.hash,
    rule_set_source: prepared.ruleSet.source,
    case_snapshot_id: documentId(db, prepared.caseSnapshot, documents),
    result_id: documentId(db, prepared.result, documents),
    texts_id: documentId(db, prepared.texts, documents),
    verdict: prepared.verdict,
    reference_date: prepared.referenceDate,
    on_date: prepared.on,
    user_id: scope.userId,
    created_at: scope.at,
    reason,
  };
  insertAssessment(db, row, prepared.own ? prepared.due : null);
  audit({
    at: scope.at, userId: scope.userId, action: 'assessment.run', entity: 'case', entityId: prepared.caseId, reason,
    before: null,
    after: {
      assessmentId: row.id,
      caseVersion: row.case_version,
      ruleSet: { ...prepared.ruleSet },
      verdict: row.verdict,
      referenceDate: row.reference_date,
      on: row.on_date,
      ...(prepared.own ? {} : { exploration: true }),
      // Ties the stored snapshot and result into the audit chain.
      snapshotHash: prepared.snapshotHash,
    },
  });
  return row;
}
