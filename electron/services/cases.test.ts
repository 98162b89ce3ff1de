import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { caseSchema } from '../../shared/domain/case.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { listAudit } from './audit.ts';
import { closeCase, createCase, getCase, listCaseEvents, listCases, reopenCase, setCaseStatus, updateCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { expectRefused, parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

const example = CASE_FIXTURES.formatExample as Record<string, unknown>;

describe('createCase', () => {
  it('stores the case and returns it with its bookkeeping', () => {
    const record = createCase(ctx, { case: example, reason: 'referral from CSD' });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).toMatchObject({
      version: 1, createdAt: '2025-01-15T10:00:00.000Z', updatedAt: '2025-01-15T10:00:00.000Z',
      closedAt: null, closeOutcome: null, closeReason: null, latestAssessment: null,
    });
    expect(record.case).toStrictEqual(caseSchema.parse(example));
    expect(getCase(ctx, { id: record.id })).toStrictEqual(record);
  });

  it('appends exactly one audit entry, with the case after and nothing before', () => {
    const before = listAudit(ctx, { limit: 1000 }).length;
    const record = createCase(ctx, { case: example });
    const entries = listAudit(ctx, { limit: 1000 });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ action: 'case.create', entity: 'case', entityId: record.id, userId: ctx.user.id, before: null });
    expect((entries[0]?.after as { case: unknown }).case).toEqual(record.case);
  });

  it('starts the case timeline', () => {
    const record = createCase(ctx, { case: example, reason: 'referral' });
    // The timeline dates by the local calendar of the clock.
    const today = formatIsoDate(todayFrom(ctx.clock()));
    expect(listCaseEvents(ctx, { caseId: record.id })).toMatchObject([{ kind: 'created', date: today, note: 'referral', userId: ctx.user.id }]);
  });

  it('refuses an invalid case file, naming each field, and changes nothing', () => {
    const bad = { ...example, sentencingState: 'hk', sentences: [{ id: 'S1', term: { years: -1 } }], remandDays: 'many' };
    const error = expectRefused(ctx, 'invalid_input', () => createCase(ctx, { case: bad }));
    expect(error.messageKey).toBe('error.invalid_case');
    const fields = error.problems.map((p) => p.field);
    for (const field of ['case.remandDays', 'case.sentencingState', 'case.sentences[0].term']) expect(fields).toContain(field);
    expect(fields.every((f) => f.startsWith('case.'))).toBe(true);
  });

  it('refuses a case without a family name: the format allows it unknown, the store does not', () => {
    const error = expectRefused(ctx, 'invalid_input', () =>
      createCase(ctx, { case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'TH', person: { familyName: null } } }),
    );
    expect(error.problems).toEqual([{ field: 'case.person.familyName', message: 'is required to store a case', messageKey: 'validation.storable.familyName' }]);
    expectRefused(ctx, 'invalid_input', () => createCase(ctx, { case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'TH' } }));
    expectRefused(ctx, 'invalid_input', () =>
      createCase(ctx, { case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'TH', person: { familyName: '  ' } } }),
    );
  });

  it('names a missing family name with the file\'s other problems, in one round (a form submitted once hears of every one)', () => {
    const error = expectRefused(ctx, 'invalid_input', () =>
      createCase(ctx, { case: { format: 'tsp-case/1', sentencingState: '', administeringState: 'TH', person: { familyName: '' }, sentences: [{ id: 'S1', start: '2024-02-30', term: { years: 1 } }] } }),
    );
    expect(error.problems.map((p) => [p.field, p.messageKey])).toEqual([
      // An empty State picker: "Select a State", not the format of a code.
      ['case.sentencingState', 'validation.country.select'],
      ['case.sentences[0].start', 'validation.date.real'],
      ['case.person.familyName', 'validation.storable.familyName'],
    ]);
    // A name the format itself refuses is named once, for what is wrong with it.
    const invisible = expectRefused(ctx, 'invalid_input', () => createCase(ctx, { case: { format: 'tsp-case/1', sentencingState: '', administeringState: 'TH', person: { familyName: '\u200b' } } }));
    expect(invisible.problems.filter((p) => p.field === 'case.person.familyName').map((p) => p.messageKey)).toEqual(['validation.name.invisible']);
  });

  it('refuses input that is not the expected shape', () => {
    expect(refusedPayload(ctx, 'cases.create', { case: example, extra: 1 }).problems).toEqual([
      { field: '(file)', message: 'unknown keys extra', messageKey: 'validation.unknownKeys', params: { keys: 'extra' } },
    ]);
    expect(refusedPayload(ctx, 'cases.create', null).messageKey).toBe('error.invalid_input');
    expect(expectRefused(ctx, 'invalid_input', () => createCase(ctx, { case: 'text' })).problems[0]?.field).toBe('case');
  });

  it('refuses a user the store does not know, or one claiming another role', () => {
    const stranger: ServiceContext = { ...ctx, user: { id: 'nobody', name: 'Nobody', role: 'supervisor' } };
    expect(expectRefused(ctx, 'forbidden', () => createCase(stranger, { case: example })).messageKey).toBe('error.user_unknown');
    const promoted: ServiceContext = { ...h.officer, user: { ...h.officer.user, role: 'supervisor' } };
    expectRefused(ctx, 'forbidden', () => createCase(promoted, { case: example }));
  });
});

describe('updateCase', () => {
  it('writes the new case file at the next version, audited before and after', () => {
    const created = createCase(ctx, { case: example });
    h.setNow('2025-01-16T08:00:00.000Z');
    const next = { ...example, remandDays: 200, person: { familyName: 'IVANOV', givenNames: 'Pyotr Sergeyevich' } };
    const updated = updateCase(ctx, { id: created.id, expectedVersion: 1, case: next, reason: 'remand certificate received' });
    expect(updated.version).toBe(2);
    expect(updated.updatedAt).toBe('2025-01-16T08:00:00.000Z');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.case).toStrictEqual(caseSchema.parse(next));
    const [entry] = listAudit(ctx, { entity: 'case', entityId: created.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'case.update', reason: 'remand certificate received' });
    expect((entry?.before as { version: number; case: { remandDays: number } }).case.remandDays).toBe(190);
    expect((entry?.after as { version: number; case: { remandDays: number } }).version).toBe(2);
  });

  it('refuses a write based on an old version (optimistic concurrency), changing nothing', () => {
    const created = createCase(ctx, { case: example });
    updateCase(ctx, { id: created.id, expectedVersion: 1, case: { ...example, remandDays: 1 }, reason: 'first editor' });
    const error = expectRefused(ctx, 'conflict', () =>
      updateCase(h.admin, { id: created.id, expectedVersion: 1, case: { ...example, remandDays: 2 }, reason: 'second editor' }),
    );
    expect(error.messageKey).toBe('error.version_conflict');
    expect(error.problems[0]?.field).toBe('expectedVersion');
    expect(getCase(ctx, { id: created.id }).case.remandDays).toBe(1);
  });

  it('tells the second editor what changed meanwhile and by whom: each version since theirs, its user, time, action and fields', () => {
    const created = createCase(ctx, { case: example });
    // The officer records the remand (version 2), then the supervisor corrects the family name and a sentence's start (version 3).
    const v2 = updateCase(h.officer, { id: created.id, expectedVersion: 1, case: { ...example, remandDays: 1 }, reason: 'remand certificate' });
    h.setNow('2025-01-16T09:30:00.000Z');
    const edited = structuredClone(v2.case);
    edited.person.familyName = 'PETROV';
    edited.sentences[0]!.start = '2021-11-03';
    updateCase(h.admin, { id: created.id, expectedVersion: 2, case: edited, reason: 'name and start corrected' });
    // A third save, made on version 1, is refused with the two changes it did not see.
    const error = expectRefused(ctx, 'conflict', () =>
      updateCase(h.admin, { id: created.id, expectedVersion: 1, case: { ...example, remandDays: 2 }, reason: 'stale editor' }),
    );
    expect(error.problems.map((p) => p.params)).toEqual([
      { version: 2, user: 'Lam Officer', at: v2.updatedAt, action: 'case.update', fields: 'remandDays' },
      { version: 3, user: 'Ada Admin', at: '2025-01-16T09:30:00.000Z', action: 'case.update', fields: 'person.familyName sentences[0].start' },
    ]);
    expect(error.problems.every((p) => p.messageKey === 'error.version_conflict.change' && p.field === 'expectedVersion')).toBe(true);
    // Told, and nothing overwritten.
    expect(getCase(ctx, { id: created.id }).case.person.familyName).toBe('PETROV');
  });

  it('needs a reason, and refuses an unknown case or a bad file', () => {
    const created = createCase(ctx, { case: example });
    expect(refusedPayload(ctx, 'cases.update', { id: created.id, expectedVersion: 1, case: example, reason: ' ' }).problems).toEqual([
      { field: 'reason', message: 'a reason is required', messageKey: 'validation.reason.required' },
    ]);
    expectRefused(ctx, 'not_found', () => updateCase(ctx, { id: crypto.randomUUID(), expectedVersion: 1, case: example, reason: 'x' }));
    const error = expectRefused(ctx, 'invalid_input', () =>
      updateCase(ctx, { id: created.id, expectedVersion: 1, case: { ...example, sentences: [{ id: 'S1', term: 'life', consecutiveTo: 'S9' }] }, reason: 'x' }),
    );
    expect(error.problems).toEqual([
      { field: 'case.sentences[0].consecutiveTo', message: 'names no sentence of this case ("S9")', messageKey: 'validation.sentence.unknown', params: { id: 'S9' } },
    ]);
  });
});

describe('setCaseStatus, closeCase and reopenCase', () => {
  it('moves the case through the workflow, on the timeline and in the audit log', () => {
    const created = createCase(ctx, { case: example });
    const screening = setCaseStatus(ctx, { id: created.id, expectedVersion: 1, status: 'screening', reason: 'file complete' });
    expect(screening).toMatchObject({ version: 2, case: { status: 'screening' } });
    const closed = closeCase(ctx, { id: created.id, expectedVersion: 2, outcome: 'refused_by_administering_state', reason: 'note verbale 2025/7', reasonCode: 'insufficient-ties' });
    expect(closed).toMatchObject({
      version: 3, closedAt: '2025-01-15T10:00:00.000Z', closeOutcome: 'refused_by_administering_state', closeReason: 'note verbale 2025/7',
      case: { status: 'refused' },
    });
    // Reopened only at a step the case had reached: it never stood at the decision.
    const unreached = expectRefused(ctx, 'conflict', () => reopenCase(ctx, { id: created.id, expectedVersion: 3, status: 'decision', reason: 'refusal withdrawn' }));
    expect(unreached).toMatchObject({ messageKey: 'error.reopen_unreached', problems: [{ field: 'status', message: 'the case never stood at decision: it may be reopened at draft, screening' }] });
    const reopened = reopenCase(ctx, { id: created.id, expectedVersion: 3, status: 'screening', reason: 'refusal withdrawn' });
    expect(reopened).toMatchObject({ version: 4, closedAt: null, closeOutcome: null, closeReason: null, case: { status: 'screening' } });
    expect(listCaseEvents(ctx, { caseId: created.id }).find((e) => e.kind.startsWith('closed:'))?.reasonCode).toBe('insufficient-ties');
    expect(listCaseEvents(ctx, { caseId: created.id }).map((e) => e.kind)).toEqual(['created', 'status:screening', 'closed:refused_by_administering_state', 'reopened']);
    expect(listAudit(ctx, { entityId: created.id, limit: 10 }).map((e) => e.action)).toEqual(['case.reopen', 'case.close', 'case.status', 'case.create']);
  });

  it('refuses what does not fit the state of the case, changing nothing', () => {
    const created = createCase(ctx, { case: example });
    expectRefused(ctx, 'conflict', () => reopenCase(ctx, { id: created.id, expectedVersion: 1, status: 'screening', reason: 'x' }));
    // A case is ended by closing it, which records the outcome and the reason.
    expect(refusedPayload(ctx, 'cases.setStatus', { id: created.id, expectedVersion: 1, status: 'transferred', reason: 'x' }).problems[0]?.field).toBe('status');
    expect(refusedPayload(ctx, 'cases.close', { id: created.id, expectedVersion: 1, outcome: 'transferred' }).problems[0]?.field).toBe('reason');
    expect(refusedPayload(ctx, 'cases.close', { id: created.id, expectedVersion: 1, outcome: 'lost', reason: 'x' }).problems[0]?.field).toBe('outcome');
    // The workflow's guards apply to the older channels too: a draft is not handed over, nor skips to the agreement.
    expect(expectRefused(ctx, 'conflict', () => closeCase(ctx, { id: created.id, expectedVersion: 1, outcome: 'transferred', reason: 'handed over' })).problems[0])
      .toMatchObject({ messageKey: 'workflow.guard.wrong_step' });
    expect(expectRefused(ctx, 'conflict', () => setCaseStatus(ctx, { id: created.id, expectedVersion: 1, status: 'agreed', reason: 'x' })).problems[0])
      .toMatchObject({ messageKey: 'workflow.guard.wrong_step' });
    // Closing takes a coded reason of its kind.
    expect(expectRefused(ctx, 'conflict', () => closeCase(ctx, { id: created.id, expectedVersion: 1, outcome: 'withdrawn_by_state', reason: 'x' })).problems[0])
      .toMatchObject({ messageKey: 'workflow.guard.reason_code_required' });
    closeCase(ctx, { id: created.id, expectedVersion: 1, outcome: 'withdrawn_by_state', reason: 'request withdrawn 2025-01-15', reasonCode: 'request-withdrawn' });
    expect(expectRefused(ctx, 'conflict', () => closeCase(ctx, { id: created.id, expectedVersion: 2, outcome: 'deceased', reason: 'x', reasonCode: 'deceased' })).messageKey).toBe('error.case_closed');
    expectRefused(ctx, 'conflict', () => updateCase(ctx, { id: created.id, expectedVersion: 2, case: example, reason: 'x' }));
    expectRefused(ctx, 'conflict', () => setCaseStatus(ctx, { id: created.id, expectedVersion: 2, status: 'dossier', reason: 'x' }));
    expectRefused(ctx, 'conflict', () => setCaseStatus(ctx, { id: created.id, expectedVersion: 1, status: 'dossier', reason: 'x' }));
  });

  it('an edit keeps the status: only the workflow moves it', () => {
    const created = createCase(ctx, { case: example });
    const edited = updateCase(ctx, { id: created.id, expectedVersion: 1, case: { ...example, status: 'agreed' }, reason: 'typo' });
    expect(edited.case.status ?? null).toBeNull();
  });
});

describe('getCase and listCases', () => {
  it('refuse an unknown or malformed id', () => {
    expect(() => getCase(ctx, { id: crypto.randomUUID() })).toThrow(/not_found/);
    expect(refusedPayload(ctx, 'cases.get', { id: 'x' }).problems[0]?.field).toBe('id');
  });

  it('list open cases by default, closed ones on request, with filters and paging', () => {
    const a = createCase(ctx, { case: { ...example, reference: 'A-1' } });
    h.setNow('2025-01-15T11:00:00.000Z');
    const b = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    h.setNow('2025-01-15T12:00:00.000Z');
    const c = createCase(ctx, { case: CASE_FIXTURES.cyrillic });
    h.setNow('2025-01-15T13:00:00.000Z');
    closeCase(ctx, { id: a.id, expectedVersion: 1, outcome: 'deceased', reason: 'death certificate', reasonCode: 'deceased' });

    expect(listCases(ctx, parsed('cases.list', {})).items.map((i) => i.id)).toEqual([c.id, b.id]);
    expect(listCases(ctx, parsed('cases.list', { includeClosed: true })).items.map((i) => i.id)).toEqual([a.id, c.id, b.id]);
    expect(listCases(ctx, parsed('cases.list', { includeClosed: true, sort: { field: 'createdAt', dir: 'asc' } })).items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(listCases(ctx, parsed('cases.list', { ruleSetId: 'hk-th' })).items.map((i) => i.id)).toEqual([b.id]);
    expect(listCases(ctx, parsed('cases.list', { text: '陳大文' })).items.map((i) => i.id)).toEqual([b.id]);
    expect(listCases(ctx, parsed('cases.list', { text: 'фёдор' })).items.map((i) => i.id)).toEqual([c.id]);
    const page = listCases(ctx, parsed('cases.list', { includeClosed: true, limit: 1, offset: 1 }));
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([c.id]);
    expect(listCases(ctx, parsed('cases.list', { includeClosed: true })).items[0]).toMatchObject({ status: 'closed', closedAt: '2025-01-15T13:00:00.000Z' });
  });

  it('refuse a page larger than 500 or an unknown filter', () => {
    expect(refusedPayload(ctx, 'cases.list', { limit: 501 }).problems[0]?.field).toBe('limit');
    expect(refusedPayload(ctx, 'cases.list', { colour: 'red' }).problems[0]?.messageKey).toBe('validation.unknownKeys');
    expect(refusedPayload(ctx, 'cases.list', { sort: { field: 'age', dir: 'asc' } }).problems[0]?.field).toBe('sort.field');
  });
});

describe('a new case\'s duplicate check (listCases samePerson): a warning the form shows, never a refusal', () => {
  const chan = CASE_FIXTURES.lifeChinese as { person: Record<string, unknown> } & Record<string, unknown>;

  it('finds the cases of the same names and date of birth, or the same prison number however written, closed ones too', () => {
    const first = createCase(ctx, { case: chan });
    closeCase(ctx, { id: first.id, expectedVersion: 1, outcome: 'deceased', reason: 'record in error', reasonCode: 'deceased' });
    const other = createCase(ctx, { case: CASE_FIXTURES.cyrillic });
    const same = (samePerson: Record<string, string>) => listCases(ctx, parsed('cases.list', { samePerson, includeClosed: true })).items.map((i) => i.id);

    expect(same({ familyName: 'chan', givenNames: 'TAI-MAN', dateOfBirth: '1970-02-28' })).toEqual([first.id]);
    expect(same({ familyName: 'CHAN', givenNames: 'Tai Man', dateOfBirth: '1970-03-01' })).toEqual([]);
    expect(same({ familyName: 'CHAN', givenNames: 'Siu Ming', dateOfBirth: '1970-02-28' })).toEqual([]);
    expect(same({ familyName: 'LEE', prisonNumber: '2566 / 01234' })).toEqual([first.id]);
    expect(same({ prisonNumber: 'ик5012345' })).toEqual([other.id]);
    expect(same({ familyName: 'CHAN' })).toEqual([]); // a name alone is no duplicate
  });

  it('leaves creating the duplicate to the officer: the second case is stored', () => {
    const first = createCase(ctx, { case: chan });
    const second = createCase(ctx, { case: chan });
    expect(listCases(ctx, parsed('cases.list', { samePerson: { prisonNumber: '2566/01234' } })).items.map((i) => i.id)).toEqual([second.id, first.id]);
  });
});
