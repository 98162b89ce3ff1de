/** Settings › Data location: the one file the store lives in, or the office server the computer works on. */
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { useText } from '../text/use-text.ts';

export function DataSection() {
  const text = useText();
  const [file, setFile] = useState<string | null>(null);
  const [server, setServer] = useState<string | null>(null);
  useEffect(() => {
    // On an office server the store's file is the server's: not asked for.
    call('office.status', {})
      .then((status) => (status.mode === 'office' ? status.url : null), () => null)
      .then((url) => {
        setServer(url);
        if (url === null) return call('settings.info', {}).then((info) => setFile(info.dataFile));
      })
      .catch(() => setFile(null));
  }, []);
  if (server !== null) {
    // The server's own file is a fact of the server, not of this computer: nothing of the office is kept here.
    return (
      <section className="panel settings-section" aria-labelledby="settings-data-title">
        <h2 id="settings-data-title">{text.ui('ui.settings.data.title')}</h2>
        <p>{text.ui('ui.settings.data.office', { url: server })}</p>
      </section>
    );
  }
  return (
    <section className="panel settings-section" aria-labelledby="settings-data-title">
      <h2 id="settings-data-title">{text.ui('ui.settings.data.title')}</h2>
      <p>{text.ui('ui.settings.data.intro')}</p>
      <dl className="facts">
        <dt>{text.ui('ui.settings.data.file')}</dt>
        <dd>
          <code className="settings-path">{file ?? '—'}</code>
        </dd>
      </dl>
    </section>
  );
}
