/** Settings › Data location: the one file the store lives in. */
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { useText } from '../text/use-text.ts';

export function DataSection() {
  const text = useText();
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => {
    call('settings.info', {}).then(
      (info) => setFile(info.dataFile),
      () => setFile(null),
    );
  }, []);
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
