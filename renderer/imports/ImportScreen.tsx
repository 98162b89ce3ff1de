/**
 * Import and export cases (issue 20, electron/services/case-import.ts): a spreadsheet (XLSX or
 * CSV) read and checked with progress, its columns mapped, every row's problems named by row and
 * column, then the good rows imported or nothing; a tsp-case/1 file previewed then imported
 * whole; every case exported as one file. A case that matches one here is shown as an update
 * with what changes, never imported twice. Nothing is written before the user confirms.
 */
import { useEffect, useRef, useState } from 'react';
import { mayCall } from '../../shared/api.ts';
import type { ColumnMapping, ImportPreview, ImportRowPlan, SpreadsheetJob } from '../../shared/import-schemas.ts';
import { SPREADSHEET_FIELDS, fieldLabelKey, type SpreadsheetField } from '../../shared/imports/spreadsheet-fields.ts';
import { ApiCallError, asApiError, call } from '../api.ts';
import { base64Of } from '../cases/PackageImport.tsx';
import { Icon } from '../components/Icon.tsx';
import { saveProducedFile } from '../reports/download.ts';
import { useDesk } from '../store/index.ts';
import { hashOf } from '../store/route-slice.ts';
import { useText, type Text } from '../text/use-text.ts';
import { FileField } from '../components/FileField.tsx';

/** Rows listed at most in each table; the rest are counted. */
const SHOWN = 200;

type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; error: ApiCallError } | null;

function problemLines(text: Text, plan: ImportRowPlan, sheet: boolean): string[] {
  return plan.problems.map((p) => {
    const message = p.messageKey === undefined ? p.message : text.message(p.messageKey, p.params);
    if (!sheet) return text.ui('ui.import.problem.case', { row: plan.row + 1, field: p.field, message });
    if (p.column != null && p.column !== '') return text.ui('ui.import.problem.cell', { row: plan.row, column: p.column, message });
    const known = SPREADSHEET_FIELDS.some((f) => f.key === p.field);
    return known ? text.ui('ui.import.problem.field', { row: plan.row, field: text.message(fieldLabelKey(p.field as SpreadsheetField)), message }) : text.ui('ui.import.problem.row', { row: plan.row, message });
  });
}

/** A case path in words where a spreadsheet column fills it (`remandDays` -> "Days of remand"), else as written. */
function fieldName(text: Text, path: string): string {
  const field = SPREADSHEET_FIELDS.find((f) => f.path === path && !f.key.startsWith('term'));
  return field === undefined ? path : text.message(fieldLabelKey(field.key));
}

function PreviewTables({ preview, sheet }: { preview: ImportPreview; sheet: boolean }) {
  const text = useText();
  const bad = preview.rows.filter((r) => r.outcome === 'invalid');
  const updates = preview.rows.filter((r) => r.outcome === 'update');
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => summaryRef.current?.focus(), [preview]);
  return (
    <>
      <p className="import-summary" role="status">
        {text.ui('ui.import.summary', { ...preview.counts })}
      </p>
      {bad.length > 0 && (
        <div className="error-summary import-problems" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="import-problems-title">
          <p className="error-summary__title" id="import-problems-title">
            <Icon name="warning" />
            {text.ui('ui.import.problems.title', { count: bad.length })}
          </p>
          <p>{text.ui(sheet ? 'ui.import.problems.intro' : 'ui.import.problems.introWhole')}</p>
          <ul>
            {bad.slice(0, SHOWN).flatMap((plan) => problemLines(text, plan, sheet).map((line, i) => <li key={`${plan.row}-${i}`}>{line}</li>))}
          </ul>
          {bad.length > SHOWN && <p>{text.ui('ui.import.more', { count: bad.length - SHOWN })}</p>}
        </div>
      )}
      {updates.length > 0 && (
        <table className="data-table import-updates">
          <caption>{text.ui('ui.import.updates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.import.updates.row')}</th>
              <th scope="col">{text.ui('ui.import.updates.case')}</th>
              <th scope="col">{text.ui('ui.import.updates.field')}</th>
              <th scope="col">{text.ui('ui.import.updates.stored')}</th>
              <th scope="col">{text.ui('ui.import.updates.incoming')}</th>
            </tr>
          </thead>
          <tbody>
            {updates.slice(0, SHOWN).flatMap((plan) =>
              plan.differences.map((d, i) => (
                <tr key={`${plan.row}-${d.field}`}>
                  {i === 0 && (
                    <>
                      <th scope="rowgroup" rowSpan={plan.differences.length}>
                        {sheet ? plan.row : plan.row + 1}
                      </th>
                      <td rowSpan={plan.differences.length}>
                        <a href={hashOf({ screen: 'case', caseId: plan.caseId! })}>{plan.label}</a>
                      </td>
                    </>
                  )}
                  <td>{fieldName(text, d.field) === d.field ? <code>{d.field}</code> : fieldName(text, d.field)}</td>
                  <td>{d.stored}</td>
                  <td>{d.incoming}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {updates.length > SHOWN && <p>{text.ui('ui.import.more', { count: updates.length - SHOWN })}</p>}
    </>
  );
}

function CommitButtons({ preview, busy, onCommit, onCancel }: { preview: ImportPreview; busy: boolean; onCommit: (skipInvalid: boolean) => void; onCancel: () => void }) {
  const text = useText();
  const { new: created, update, invalid } = preview.counts;
  const good = created + update;
  if (good === 0 && invalid === 0) return <p>{text.ui('ui.import.commit.none')}</p>;
  return (
    <div className="import-actions">
      {good > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => onCommit(invalid > 0)}>
          {invalid > 0 ? text.ui('ui.import.commit.good', { count: preview.rows.length - invalid }) : text.ui('ui.import.commit.all', { count: good })}
        </button>
      )}
      <button type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
        {text.ui('ui.import.commit.nothing')}
      </button>
    </div>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const text = useText();
  if (outcome === null) return null;
  if (outcome.kind === 'done') {
    return (
      <p className="import-done" role="status">
        {outcome.message}
      </p>
    );
  }
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary__title">
        <Icon name="warning" />
        {text.ui('ui.import.failed')}
      </p>
      <p>{text.message(outcome.error.messageKey, outcome.error.problems[0]?.params)}</p>
    </div>
  );
}

function SpreadsheetImport() {
  const text = useText();
  const loadCases = useDesk((s) => s.loadCases);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [job, setJob] = useState<SpreadsheetJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const polling = useRef(0);

  useEffect(() => () => void (polling.current += 1), []);

  const check = async (chosen: { name: string; base64: string }, mapping?: ColumnMapping) => {
    const run = ++polling.current;
    setOutcome(null);
    try {
      let state = await call('imports.spreadsheetStart', { fileName: chosen.name, contentBase64: chosen.base64, ...(mapping === undefined ? {} : { mapping }) });
      setJob(state);
      while (state.phase === 'reading' || state.phase === 'checking') {
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (run !== polling.current) return;
        state = await call('imports.spreadsheetProgress', { jobId: state.jobId });
        setJob(state);
      }
    } catch (e) {
      setOutcome({ kind: 'failed', error: asApiError('imports.spreadsheetStart', e) });
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (chosen === undefined) return;
    const read = { name: chosen.name, base64: await base64Of(chosen) };
    setFile(read);
    setJob(null);
    await check(read);
  };

  const commit = async (skipInvalid: boolean) => {
    if (job === null) return;
    setBusy(true);
    try {
      const r = await call('imports.spreadsheetCommit', { jobId: job.jobId, skipInvalid });
      setOutcome({ kind: 'done', message: text.ui('ui.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }) });
      setJob(null);
      setFile(null);
      await loadCases({ keepLoaded: true });
    } catch (e) {
      setOutcome({ kind: 'failed', error: asApiError('imports.spreadsheetCommit', e) });
    } finally {
      setBusy(false);
    }
  };

  const remap = (column: number, field: string) => {
    if (job === null || file === null) return;
    const mapping = job.mapping.map((f, i) => (i === column ? (field === '' ? null : (field as SpreadsheetField)) : f === field ? null : f));
    void check(file, mapping);
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-sheet-title">
      <h2 id="import-sheet-title">{text.ui('ui.import.sheet.title')}</h2>
      <FileField
        id="import-sheet-file"
        label={text.ui('ui.import.sheet.file')}
        hint={text.ui('ui.import.sheet.hint')}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onFile={(file) => void choose(file)}
      />
      <p>
        <button type="button" className="button button--secondary" onClick={() => void call('imports.template', { locale: text.locale }).then(saveProducedFile)}>
          {text.ui('ui.import.sheet.template')}
        </button>
      </p>
      {job === null && outcome === null && <p className="import-empty">{text.ui('ui.import.empty')}</p>}
      <div className="import-progress" role="status">
        {job?.phase === 'reading' && text.ui('ui.import.sheet.reading')}
        {job?.phase === 'checking' && (
          <>
            <label htmlFor="import-sheet-progress">{text.ui('ui.import.sheet.checking', { done: text.number(job.done), total: text.number(job.total) })}</label>{' '}
            <progress id="import-sheet-progress" max={Math.max(job.total, 1)} value={job.done} />
          </>
        )}
        {busy && text.ui('ui.import.importing')}
      </div>
      {job?.phase === 'failed' && job.error !== null && (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">
            <Icon name="warning" />
            {text.ui('ui.import.failed')}
          </p>
          <p>{text.message(job.error.messageKey, job.error.params)}</p>
        </div>
      )}
      {job?.phase === 'ready' && job.preview !== null && (
        <>
          <PreviewTables preview={job.preview} sheet />
          <CommitButtons
            preview={job.preview}
            busy={busy}
            onCommit={(skip) => void commit(skip)}
            onCancel={() => {
              setJob(null);
              setFile(null);
              setOutcome({ kind: 'done', message: text.ui('ui.import.cancelled') });
            }}
          />
        </>
      )}
      {job !== null && job.headers.length > 0 && (
        // Open while a column is left out: the user sees at once what will not be imported.
        <details className="import-mapping" open={job.mapping.some((f) => f === null)}>
          <summary>{text.ui('ui.import.sheet.mapping')}</summary>
          <p className="field__hint">{job.mappingSaved ? text.ui('ui.import.sheet.mappingSaved') : text.ui('ui.import.sheet.mappingHint')}</p>
          <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.import.sheet.column')}</th>
              <th scope="col">{text.ui('ui.import.sheet.field')}</th>
            </tr>
          </thead>
          <tbody>
            {job.headers.map((header, i) => (
              <tr key={i}>
                <th scope="row">
                  <label htmlFor={`import-map-${i}`}>{header === '' ? `#${i + 1}` : header}</label>
                </th>
                <td>
                  <select id={`import-map-${i}`} value={job.mapping[i] ?? ''} disabled={job.phase !== 'ready' || busy} onChange={(e) => remap(i, e.target.value)}>
                    <option value="">{text.ui('ui.import.sheet.unmapped')}</option>
                    {SPREADSHEET_FIELDS.map((f) => (
                      <option key={f.key} value={f.key}>
                        {text.message(fieldLabelKey(f.key))}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </details>
      )}
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}

function JsonImport() {
  const text = useText();
  const loadCases = useDesk((s) => s.loadCases);
  const [cases, setCases] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setPreview(null);
    setOutcome(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setOutcome({ kind: 'failed', error: new ApiCallError('cases.importPreview', { code: 'invalid_input', messageKey: 'ui.import.json.unreadable', problems: [] }) });
      return;
    }
    try {
      setPreview(await call('cases.importPreview', parsed));
      setCases(parsed);
    } catch (e) {
      setOutcome({ kind: 'failed', error: asApiError('cases.importPreview', e) });
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      const r = await call('cases.import', cases);
      const count = (o: string) => r.outcomes.filter((x) => x === o).length;
      setOutcome({ kind: 'done', message: text.ui('ui.import.done', { created: count('new'), updated: count('update'), unchanged: count('unchanged') }) });
      setPreview(null);
      await loadCases({ keepLoaded: true });
    } catch (e) {
      setOutcome({ kind: 'failed', error: asApiError('cases.import', e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-json-title">
      <h2 id="import-json-title">{text.ui('ui.import.json.title')}</h2>
      <FileField
        id="import-json-file"
        label={text.ui('ui.import.json.file')}
        hint={text.ui('ui.import.json.hint')}
        accept=".json,application/json"
        disabled={busy}
        onFile={(file) => void choose(file)}
      />
      {preview !== null && (
        <>
          <PreviewTables preview={preview} sheet={false} />
          {preview.counts.invalid === 0 ? (
            <CommitButtons preview={preview} busy={busy} onCommit={() => void commit()} onCancel={() => {
              setPreview(null);
              setOutcome({ kind: 'done', message: text.ui('ui.import.cancelled') });
            }} />
          ) : null}
        </>
      )}
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}

function ExportCases() {
  const text = useText();
  const [message, setMessage] = useState<string | null>(null);
  const exportAll = async () => {
    const cases = await call('cases.export', {});
    if (cases.length === 0) return setMessage(text.ui('ui.import.export.empty'));
    const json = `${JSON.stringify(cases, null, 2)}\n`;
    const bytes = new TextEncoder().encode(json);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    saveProducedFile({ fileName: 'cases.tsp-case.json', mediaType: 'application/json', base64: btoa(binary) });
    setMessage(text.ui('ui.import.export.done', { count: cases.length }));
  };
  return (
    <section className="panel import-panel" aria-labelledby="import-export-title">
      <h2 id="import-export-title">{text.ui('ui.import.export.title')}</h2>
      <p className="field__hint">{text.ui('ui.import.export.hint')}</p>
      <button type="button" className="button button--secondary" onClick={() => void exportAll()}>
        {text.ui('ui.import.export.button')}
      </button>
      <p role="status">{message}</p>
    </section>
  );
}

export function ImportScreen() {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  useEffect(() => {
    document.title = `${text.ui('ui.import.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);
  return (
    <div className="screen import-screen">
      <p>
        <a href={hashOf({ screen: 'cases' })}>{text.ui('ui.import.back')}</a>
      </p>
      <h1>{text.ui('ui.import.title')}</h1>
      <p>{text.ui('ui.import.intro')}</p>
      {mayCall(role, 'imports.spreadsheetStart') ? (
        <>
          <SpreadsheetImport />
          <JsonImport />
        </>
      ) : (
        <p>{text.message('error.role_forbidden')}</p>
      )}
      <ExportCases />
    </div>
  );
}
