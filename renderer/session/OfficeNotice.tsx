/**
 * On the sign-in screen of a computer that works on an office server: which server, and the way
 * back to the computer's own store (the server may be out of reach: Settings is behind the sign-in).
 */
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { OfficeStatus } from '../../shared/contracts/office.ts';
import { useText } from '../text/use-text.ts';

export function OfficeNotice() {
  const text = useText();
  const [status, setStatus] = useState<OfficeStatus | null>(null);
  useEffect(() => {
    // Signed out of this computer's store, the answer is a refusal: no notice.
    call('office.status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (status?.mode !== 'office') return null;
  return (
    <div className="notice" role="note">
      <p>{text.ui('ui.signin.office', { url: status.url ?? '' })}</p>
      <button type="button" className="button button--secondary" onClick={() => void call('office.disconnect', {}).then(() => window.location.reload())}>
        {text.ui('ui.settings.office.back')}
      </button>
    </div>
  );
}
