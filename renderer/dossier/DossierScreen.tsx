/**
 * The transfer dossier of a case, print-friendly: the same model the PDF draws, shown as a
 * page (print it with the browser's print, which hides everything but the dossier), in
 * either language whatever the app's, and the PDF to download.
 */
import { useEffect, useState } from 'react';
import { LOCALES, type Locale } from '../../shared/i18n/index.ts';
import { call } from '../api.ts';
import { saveProducedFile } from '../reports/download.ts';
import { useDesk } from '../store/index.ts';
import { textFor, useText } from '../text/use-text.ts';
import { useApiData } from '../treaties/use-api-data.ts';
import { DossierView } from './DossierView.tsx';
import './dossier.css';

export function DossierScreen({ caseId }: { caseId: string }) {
  const text = useText();
  const navigate = useDesk((s) => s.navigate);
  const [locale, setLocale] = useState<Locale>(text.locale);
  const [loaded] = useApiData('dossier.model', { caseId, locale });
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    document.title = `${text.ui('reports.ui.dossier')} — ${text.ui('ui.app.name')}`;
  }, [text]);

  /** The internal annex (the dossier), the request for the other State, or the transfer package (issue 19). */
  async function download(what: 'annex' | 'request' | 'package' = 'annex') {
    setDownloading(true);
    setFailed(false);
    try {
      saveProducedFile(await (what === 'package' ? call('packages.make', { caseId, locale }) : call('dossier.pdf', { caseId, locale, document: what })));
    } catch {
      setFailed(true);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className="screen dossier-screen">
      <div className="dossier-toolbar no-print">
        <button type="button" className="button button--quiet" onClick={() => navigate({ screen: 'case', caseId })}>
          {text.ui('reports.ui.dossier.back')}
        </button>
        <div className="field">
          <label className="field__label" htmlFor="dossier-language">
            {text.ui('reports.ui.dossier.language')}
          </label>
          <select id="dossier-language" value={locale} onChange={(e) => setLocale(LOCALES.find((l) => l === e.target.value) ?? 'en')}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {textFor(l).ui(`ui.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={() => window.print()} disabled={loaded.phase !== 'ready'}>
          {text.ui('reports.ui.dossier.print')}
        </button>
        <button type="button" className="button" onClick={() => void download()} aria-disabled={downloading || loaded.phase !== 'ready'}>
          {text.ui('reports.ui.dossier.pdf')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download('request')} aria-disabled={downloading || loaded.phase !== 'ready'}>
          {text.ui('package.ui.request')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download('package')} aria-disabled={downloading || loaded.phase !== 'ready'}>
          {text.ui('package.ui.make')}
        </button>
        {failed && (
          <p role="alert" className="export-panel__error">
            {text.ui('reports.ui.export.failed')}
          </p>
        )}
      </div>
      {loaded.phase === 'loading' && (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('reports.ui.dossier.loading')}
        </p>
      )}
      {loaded.phase === 'error' && (
        <div className="state state--error" role="alert">
          <h1>{text.ui('reports.ui.dossier.error')}</h1>
          <p>{text.message(loaded.error.messageKey)}</p>
        </div>
      )}
      {loaded.phase === 'ready' && <DossierView dossier={loaded.data} />}
    </div>
  );
}
