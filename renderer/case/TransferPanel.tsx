/**
 * The case page's transfer tracking: loads where the case stands in the lifecycle
 * (workflow.state) and its document checklist (documents.list), renders the Transfer and
 * Documents sections, and reloads both — and the case with its timeline — after each write.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseDocument, WorkflowState } from '../../shared/workflow-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { DocumentsSection } from './DocumentsSection.tsx';
import { TransferSection } from './TransferSection.tsx';

export interface TransferData {
  state: WorkflowState;
  documents: CaseDocument[];
}

/** After a write: the case and its timeline as the store now holds them, without leaving the page. */
export async function refreshOpenCase(caseId: string): Promise<void> {
  const [record, events] = await Promise.all([call('cases.get', { id: caseId }), call('cases.events', { caseId })]);
  useDesk.setState((s) => (s.openCase.id === caseId ? { openCase: { ...s.openCase, record, events } } : {}));
}

export function TransferPanel({ record }: { record: CaseRecord }) {
  const text = useText();
  const [data, setData] = useState<TransferData | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  /** Bumped after a write that leaves the case's version as it was (a document's status or file). */
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([call('workflow.state', { caseId: record.id }), call('documents.list', { caseId: record.id })])
      .then(([state, documents]) => {
        if (!live) return;
        setData({ state, documents });
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError('workflow.state', e)));
    return () => {
      live = false;
    };
  }, [record.id, record.version, revision]);

  const afterWrite = useCallback(async () => {
    await refreshOpenCase(record.id);
    setRevision((r) => r + 1);
  }, [record.id]);

  if (error !== null && data === null) {
    return (
      <section className="panel" aria-labelledby="transfer-title">
        <h2 id="transfer-title">{text.ui('workflow.transfer.title')}</h2>
        <p className="state state--error" role="alert">
          {text.message(error.messageKey)}
        </p>
      </section>
    );
  }
  if (data === null) {
    return (
      <section className="panel" aria-labelledby="transfer-title" aria-busy="true">
        <h2 id="transfer-title">{text.ui('workflow.transfer.title')}</h2>
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.case.loading')}
        </p>
      </section>
    );
  }
  return (
    <>
      <TransferSection record={record} state={data.state} documents={data.documents} afterWrite={afterWrite} />
      <DocumentsSection record={record} documents={data.documents} ruleSetId={data.state.ruleSetId} afterWrite={afterWrite} />
    </>
  );
}
