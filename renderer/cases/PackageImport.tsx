/**
 * "Import a transfer package" on the cases screen (issue 19, electron/services/packages.ts): a
 * .tsp.zip file from the other State becomes a case here; a package imported before (the same
 * sending State and reference) writes nothing and shows, field by field, what differs; a package
 * changed after it was made is refused naming the file.
 */
import { useState } from 'react';
import { mayUseListAction } from './list-actions.ts';
import type { PackageImport as ImportResult } from '../../shared/package-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { Icon } from '../components/Icon.tsx';
import { hashOf } from '../store/route-slice.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { FileField } from '../components/FileField.tsx';

/** The file's bytes as base64, in chunks (a spread of a large array overflows the call stack). */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function PackageImport() {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const loadCases = useDesk((s) => s.loadCases);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  if (!mayUseListAction(role, 'packages.import')) return null;

  const read = async (file: File | undefined) => {
    if (file === undefined) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await call('packages.import', { contentBase64: await base64Of(file) }));
      await loadCases({ keepLoaded: true });
    } catch (e) {
      setError(asApiError('packages.import', e));
    } finally {
      setBusy(false);
    }
  };

  const from = result === null ? '' : `${result.sendingState} ${result.sendingReference}`;
  return (
    <section className="package-import">
      <FileField
        id="package-import-file"
        label={text.ui('package.ui.import')}
        hint={text.ui('package.ui.import.hint')}
        accept=".zip,application/zip"
        disabled={busy}
        onFile={(file) => void read(file)}
      />
      <div className="package-import__status" role="status">
        {busy && text.ui('package.ui.importing')}
        {result !== null && (
          <>
            <p>
              {text.ui(result.outcome === 'created' ? 'package.ui.created' : 'package.ui.matched', { from })}{' '}
              <a href={hashOf({ screen: 'case', caseId: result.caseId })}>{text.ui('package.ui.open')}</a>
            </p>
            {result.outcome === 'matched' && result.differences.length === 0 && <p>{text.ui('package.ui.agree')}</p>}
          </>
        )}
      </div>
      {result !== null && result.differences.length > 0 && (
        <table className="data-table package-import__differences">
          <caption>{text.ui('package.ui.differences')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('package.ui.field')}</th>
              <th scope="col">{text.ui('package.ui.stored')}</th>
              <th scope="col">{text.ui('package.ui.package')}</th>
            </tr>
          </thead>
          <tbody>
            {result.differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">
                  <code>{d.field}</code>
                </th>
                <td>{d.stored}</td>
                <td>{d.package}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">
            <Icon name="warning" />
            {text.ui('package.ui.failed')}
          </p>
          <p>{text.message(error.messageKey, error.problems[0]?.params)}</p>
        </div>
      )}
    </section>
  );
}
