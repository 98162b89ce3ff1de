/**
 * Settings › Covering letter of the request (settings.letter, settings.saveLetter): our
 * letterhead, the addressee of each State's central authority, the reference prefix and the
 * signature block that the request to the other State carries (electron/pdf/request-pdf.ts).
 * Legal officers and supervisors edit it; everyone sees it. Addressees are written one a line,
 * the State's code first; a line that is not so is refused beside the field, nothing saved.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { mayCall } from '../../shared/api.ts';
import type { LetterSettings } from '../../shared/reports/letter.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

type TextField = 'authority' | 'place' | 'referencePrefix' | 'signatory' | 'signatoryTitle';
const TEXT_FIELDS: readonly TextField[] = ['authority', 'place', 'referencePrefix', 'signatory', 'signatoryTitle'];

/** "RU Ministry of Justice" a line -> { RU: "Ministry of Justice" }; the lines that are not so, by number. */
function parseAddressees(lines: string): { addressees: Record<string, string>; bad: number[] } {
  const addressees: Record<string, string> = {};
  const bad: number[] = [];
  lines.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const match = /^([A-Za-z]{2})\s+(.+)$/.exec(line);
    if (match === null) bad.push(i + 1);
    else addressees[match[1]!.toUpperCase()] = match[2]!.trim();
  });
  return { addressees, bad };
}

const addresseeLines = (addressees: Record<string, string>) =>
  Object.entries(addressees)
    .map(([code, who]) => `${code} ${who}`)
    .join('\n');

export function LetterSection() {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const [saved, setSaved] = useState<LetterSettings | null>(null);
  const [draft, setDraft] = useState<Record<TextField, string> & { address: string; addressees: string }>({
    authority: '', place: '', referencePrefix: '', signatory: '', signatoryTitle: '', address: '', addressees: '',
  });
  const [error, setError] = useState<ApiCallError | null>(null);
  const [badLines, setBadLines] = useState<number[]>([]);
  const [done, setDone] = useState(false);
  const editable = mayCall(role, 'settings.saveLetter');

  const show = (letter: LetterSettings) => {
    setSaved(letter);
    setDraft({ ...letter, address: letter.address.join('\n'), addressees: addresseeLines(letter.addressees) });
  };
  useEffect(() => {
    let live = true;
    call('settings.letter', {})
      .then((letter) => live && show(letter))
      .catch((e: unknown) => live && setError(asApiError('settings.letter', e)));
    return () => {
      live = false;
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const { addressees, bad } = parseAddressees(draft.addressees);
    setBadLines(bad);
    if (bad.length > 0) return;
    const address = draft.address.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    call('settings.saveLetter', { letter: { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, draft[f].trim()])), address, addressees } as LetterSettings })
      .then((letter) => {
        setError(null);
        show(letter);
        setDone(true);
      })
      .catch((x: unknown) => setError(asApiError('settings.saveLetter', x)));
  };

  return (
    <section className="panel settings-section settings-section--wide" aria-labelledby="settings-letter-title">
      <h2 id="settings-letter-title">{text.ui('settings.letter.title')}</h2>
      <p className="field__hint">{text.ui('settings.letter.intro')}</p>
      {error !== null && <ErrorSummary error={error} />}
      {saved !== null && (
        <form className="settings-form" onSubmit={submit} noValidate>
          {TEXT_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`letter-${field}`} className="field__label">{text.ui(`settings.letter.${field}`)}</label>
              <input id={`letter-${field}`} value={draft[field]} readOnly={!editable} maxLength={300} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
            </div>
          ))}
          <div className="field">
            <label htmlFor="letter-address" className="field__label">{text.ui('settings.letter.address')}</label>
            <textarea id="letter-address" rows={3} value={draft.address} readOnly={!editable} onChange={(e) => setDraft({ ...draft, address: e.target.value })} />
          </div>
          <div className={`field${badLines.length > 0 ? ' field--error' : ''}`}>
            <label htmlFor="letter-addressees" className="field__label">{text.ui('settings.letter.addressees')}</label>
            {badLines.length > 0 && (
              <p className="field__error" id="letter-addressees-error" role="alert">
                {text.ui('settings.letter.badLines', { lines: badLines.join(', ') })}
              </p>
            )}
            <textarea
              id="letter-addressees"
              rows={5}
              value={draft.addressees}
              readOnly={!editable}
              aria-invalid={badLines.length > 0}
              aria-describedby={badLines.length > 0 ? 'letter-addressees-error' : undefined}
              onChange={(e) => setDraft({ ...draft, addressees: e.target.value })}
            />
          </div>
          {editable && (
            <button type="submit" className="button">
              {text.ui('settings.letter.save')}
            </button>
          )}
          {done && (
            <p className="state" role="status">
              {text.ui('settings.letter.saved')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
