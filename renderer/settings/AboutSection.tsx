/**
 * Settings › About TSP Desk: the app's version, the store's schema version, the rule-set library
 * and the treaty map in use, the platform (settings.info); and "Copy diagnostics" for a support
 * request (settings.diagnostics: the same facts and the last lines of the log, which holds no
 * personal data), shown before it is copied. The copy is made in the click itself (the text is
 * read when the section opens): the window's permissions stay denied. On an office server every
 * fact (and the diagnostics) is the server's, and the section says so.
 */
import { useEffect, useRef, useState } from 'react';
import type { Diagnostics } from '../../shared/about-schemas.ts';
import type { AppInfo } from '../../shared/contracts/settings.ts';
import { call } from '../api.ts';
import { Facts, type Fact } from '../components/Facts.tsx';
import { useText } from '../text/use-text.ts';

type Copied = 'copied' | 'failed' | null;

/** Copies the text of `area`: the selection and the editing command first, which need no permission; else the Clipboard API. */
async function copy(area: HTMLTextAreaElement): Promise<boolean> {
  area.select();
  try {
    if (document.execCommand('copy')) return true;
  } catch {
    // not supported here: try the Clipboard API
  }
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    return false;
  }
}

export function AboutSection() {
  const text = useText();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  /** The office server answering settings.info and settings.diagnostics, if any (null: this computer). */
  const [server, setServer] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    call('settings.info', {}).then(setInfo, () => setInfo(null));
    call('settings.diagnostics', {}).then(setDiagnostics, () => setDiagnostics(null));
    call('office.status', {}).then((status) => setServer(status.mode === 'office' ? status.url : null), () => setServer(null));
  }, []);

  const facts: Fact[] = [
    { label: text.ui('ui.settings.about.version'), value: info?.appVersion },
    { label: text.ui('ui.settings.about.schema'), value: info?.schemaVersion },
    {
      label: text.ui('ui.settings.about.ruleSets'),
      value: info && text.ui('ui.settings.about.ruleSetsValue', { builtIn: info.ruleSets.builtIn, fingerprint: info.ruleSets.fingerprint, stored: info.ruleSets.stored }),
    },
    {
      label: text.ui('ui.settings.about.treatyMap'),
      value:
        info &&
        (info.treatyMap.stored
          ? text.ui('ui.settings.about.treatyMapStored', { version: info.treatyMap.inForce, builtIn: info.treatyMap.builtIn })
          : text.ui('ui.settings.about.treatyMapBuiltIn', { version: info.treatyMap.builtIn })),
    },
    { label: text.ui('ui.settings.about.platform'), value: info && `${info.platform}; ${info.runtime}` },
    {
      label: text.ui('ui.settings.about.diagnostics.log'),
      value: diagnostics && (diagnostics.logFile === null ? text.ui('ui.settings.about.diagnostics.noLog') : <code className="settings-path">{diagnostics.logFile}</code>),
    },
  ];

  return (
    <section className="panel settings-section settings-section--wide" aria-labelledby="settings-about-title">
      <h2 id="settings-about-title">{text.ui('ui.settings.about.title')}</h2>
      {server !== null && <p>{text.ui('ui.settings.about.office', { url: server })}</p>}
      {info !== null && <Facts facts={facts} />}
      <h3>{text.ui('ui.settings.about.diagnostics.title')}</h3>
      <p>{text.ui('ui.settings.about.diagnostics.intro')}</p>
      <button
        type="button"
        className="button settings-copy"
        disabled={diagnostics === null}
        onClick={() => {
          if (area.current !== null) void copy(area.current).then((ok) => setCopied(ok ? 'copied' : 'failed'));
        }}
      >
        {text.ui('ui.settings.about.diagnostics.copy')}
      </button>
      <p role="status" className={copied === 'copied' ? 'notice--ok' : copied === 'failed' ? 'notice--error' : undefined}>
        {copied === 'copied' ? text.ui('ui.settings.about.diagnostics.copied') : copied === 'failed' ? text.ui('ui.settings.about.diagnostics.copyFailed') : ''}
      </p>
      <label htmlFor="diagnostics-text">{text.ui('ui.settings.about.diagnostics.text')}</label>
      <textarea id="diagnostics-text" className="settings-diagnostics" ref={area} readOnly rows={8} value={diagnostics?.text ?? ''} spellCheck={false} />
    </section>
  );
}
