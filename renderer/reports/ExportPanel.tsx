/**
 * Export buttons with progress: the main process writes the file as a job
 * (electron/services/reports.ts); the page polls its phase, shows a progress bar, then
 * offers the file to save.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiInputs } from '../../shared/api.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportProgress } from '../../shared/contracts/reports.ts';
import { call } from '../api.ts';
import { useText } from '../text/use-text.ts';
import { saveProducedFile } from './download.ts';

type Query = ApiInputs['reports.statistics'];
type ExportState = { format: ExportFormat; progress: ExportProgress | null; failed: boolean };

const POLL_MS = 150;

export function ExportPanel({ query }: { query: Query }) {
  const text = useText();
  const [state, setState] = useState<ExportState | null>(null);
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);

  async function run(format: ExportFormat) {
    setState({ format, progress: null, failed: false });
    try {
      let progress = await call('reports.export', { query, format, locale: text.locale });
      while (live.current && progress.phase !== 'done' && progress.phase !== 'failed') {
        setState({ format, progress, failed: false });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        progress = await call('reports.exportProgress', { jobId: progress.jobId });
      }
      if (!live.current) return;
      setState({ format, progress, failed: progress.phase === 'failed' });
      if (progress.file) saveProducedFile(progress.file);
    } catch {
      if (live.current) setState({ format, progress: null, failed: true });
    }
  }

  const busy = state !== null && !state.failed && state.progress?.phase !== 'done';
  const file = state?.progress?.file ?? null;
  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{text.ui('reports.ui.export')}</h2>
      <div className="export-panel__buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="button button--secondary" aria-disabled={busy} onClick={() => !busy && void run(format)}>
            {text.ui(`reports.ui.export.${format}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite" className="export-panel__status">
        {busy && (
          <>
            <label htmlFor="export-progress">
              {text.ui('reports.ui.export.progress', {
                format: state.format.toUpperCase(),
                phase: text.ui(`reports.ui.phase.${state.progress?.phase ?? 'loading'}`),
                percent: state.progress?.percent ?? 0,
              })}
            </label>
            <progress id="export-progress" max={100} value={state.progress?.percent ?? 0} />
          </>
        )}
        {file !== null && (
          <p>
            {text.ui('reports.ui.export.done', { file: file.fileName, size: text.number(Math.ceil((file.base64.length * 3) / 4 / 1024)) })}{' '}
            <button type="button" className="button button--quiet" onClick={() => saveProducedFile(file)}>
              {text.ui('reports.ui.export.save', { file: file.fileName })}
            </button>
          </p>
        )}
        {state?.failed && <p className="export-panel__error">{text.ui('reports.ui.export.failed')}</p>}
      </div>
    </section>
  );
}
