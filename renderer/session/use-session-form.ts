/**
 * What the sign-in and first-run forms share: the heading that takes focus and names the
 * window, the error summary's error, and a submit that sends once at a time and hands the
 * new session to the store (or keeps the refusal to show).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/contracts/session.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { asApiError, type ApiCallError } from '../api.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { messagesByField } from './problems.ts';

export function useSessionForm(titleKey: MessageKey, channel: 'session.signIn' | 'session.setup') {
  const text = useText();
  const enterSession = useDesk((s) => s.enterSession);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    document.title = `${text.ui(titleKey)} — ${text.ui('ui.app.name')}`;
  }, [text, titleKey]);

  /** Sends `send()` unless a send is under way; `check` may refuse first (nothing is sent); `onFailure` runs after a refusal. */
  const submit = (send: () => Promise<SessionState>, { check, onFailure }: { check?: () => ApiCallError | null; onFailure?: () => void } = {}) =>
    async (event: FormEvent) => {
      event.preventDefault();
      if (busy) return;
      const refused = check?.() ?? null;
      if (refused !== null) {
        setError(refused);
        return;
      }
      setBusy(true);
      try {
        await enterSession(await send());
      } catch (failure) {
        setError(asApiError(channel, failure));
        onFailure?.();
        setBusy(false);
      }
    };

  return { text, busy, error, heading, fields: messagesByField(text, error), submit };
}
