/**
 * Documents: the checklist the case's rule-set requires for its direction (docs/domain.md "Documents of a dossier"),
 * each document's status, which step needs it, and its attachments. A status is changed
 * with its select; a file is attached with the file input, its bytes sent through the API
 * (base64) and stored by the app by content hash; an attached file is saved again with its
 * name's button (the app checks it against its hash first).
 */
import { useState } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { ATTACHMENT_MAX_BYTES, type AttachmentContent, type CaseDocument } from '../../shared/workflow-schemas.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/workflow/documents.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { documentLabel, stepLabel } from '../due/labels.ts';
import { useText } from '../text/use-text.ts';

interface Props {
  record: CaseRecord;
  documents: readonly CaseDocument[];
  ruleSetId: string | null;
  afterWrite: () => Promise<void>;
}

/** The file's bytes as base64, in chunks (a spread of a large array overflows the call stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Hands the file to the browser's download (Electron asks where to save it). */
function saveFile(content: AttachmentContent): void {
  const binary = atob(content.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: content.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function DocumentsSection({ record, documents, ruleSetId, afterWrite }: Props) {
  const text = useText();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState('');

  const run = async (kind: string, work: () => Promise<unknown>, message: string) => {
    setBusy(kind);
    setError(null);
    setDone('');
    try {
      await work();
      setDone(message);
      await afterWrite();
    } catch (e) {
      setError(asApiError('documents.setStatus', e));
    } finally {
      setBusy(null);
    }
  };

  const setStatus = (doc: CaseDocument, status: DocumentStatus) =>
    void run(doc.kind, () => call('documents.setStatus', { caseId: record.id, kind: doc.kind, status }), text.ui('workflow.documents.updated', {
      document: documentLabel(text, doc.kind),
      status: text.ui(`workflow.docStatus.${status}`),
    }));

  const download = async (attachmentId: number) => {
    setError(null);
    setDone('');
    try {
      saveFile(await call('documents.attachment', { caseId: record.id, attachmentId }));
    } catch (e) {
      setError(asApiError('documents.attachment', e));
    }
  };

  const attach = (doc: CaseDocument, file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setDone(text.ui('workflow.documents.tooLarge', { size: sizeText(ATTACHMENT_MAX_BYTES) }));
      return;
    }
    void run(
      doc.kind,
      async () => call('documents.attach', { caseId: record.id, kind: doc.kind, fileName: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: await base64Of(file) }),
      text.ui('workflow.documents.attached', { file: file.name }),
    );
  };

  return (
    <section className="panel panel--documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{text.ui('workflow.documents.title')}</h2>
      {error !== null && <ErrorSummary error={error} />}
      {documents.length === 0 ? (
        <p className="muted">{text.ui(ruleSetId === null ? 'workflow.documents.noRuleSet' : 'workflow.documents.empty')}</p>
      ) : (
        <table className="data-table documents-table">
          <thead>
            <tr>
              <th scope="col">{text.ui('workflow.documents.document')}</th>
              <th scope="col">{text.ui('workflow.documents.neededBy')}</th>
              <th scope="col">{text.ui('workflow.documents.status')}</th>
              <th scope="col">{text.ui('workflow.documents.attachments')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => {
              const label = documentLabel(text, doc.kind);
              return (
                <tr key={doc.kind} className={`document document--${doc.status}`}>
                  <th scope="row">
                    {label}
                    <span className="muted document__required"> ({text.ui(doc.required ? 'workflow.documents.required' : 'workflow.documents.optional')})</span>
                  </th>
                  <td>{stepLabel(text, doc.step)}</td>
                  <td>
                    <select
                      aria-label={text.ui('workflow.documents.statusFor', { document: label })}
                      value={doc.status}
                      disabled={busy === doc.kind || record.closedAt !== null && record.closeOutcome !== 'transferred'}
                      onChange={(e) => setStatus(doc, e.target.value as DocumentStatus)}
                    >
                      {DOCUMENT_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {text.ui(`workflow.docStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {doc.attachments.length === 0 ? (
                      <span className="muted">{text.ui('workflow.documents.none')}</span>
                    ) : (
                      <ul className="attachments">
                        {doc.attachments.map((a) => (
                          <li key={a.id}>
                            <button type="button" className="link-button" aria-label={text.ui('workflow.documents.download', { file: a.fileName })} onClick={() => void download(a.id)}>
                              {a.fileName}
                            </button>{' '}
                            <span className="muted">({sizeText(a.size)}, {text.dateTime(a.createdAt)})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <label className="attach-button">
                      <span className="sr-only">{text.ui('workflow.documents.attach', { document: label })}</span>
                      <input
                        type="file"
                        disabled={busy === doc.kind}
                        onChange={(e) => {
                          const file = e.target.files?.[0];
                          e.target.value = '';
                          if (file !== undefined) attach(doc, file);
                        }}
                      />
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="documents__status" role="status">
        {done}
      </p>
    </section>
  );
}
