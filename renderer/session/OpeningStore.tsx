/**
 * What the window shows until the main process says who is signed in (RequireSession): nothing
 * at first, since a usual start answers within a moment; then that the store is being opened;
 * and, should that go on, why: the first start after an update brings the store up to date,
 * which takes a while on a large one (electron/main.ts does it on a worker thread meanwhile).
 */
import { useEffect, useState } from 'react';
import { useText } from '../text/use-text.ts';

/** Before this, nothing shows: a usual start has answered. */
export const OPENING_SHOWN_AFTER_MS = 700;
/** From this on, the window says why it takes a while. */
export const OPENING_EXPLAINED_AFTER_MS = 4000;

export function OpeningStore() {
  const text = useText();
  const [stage, setStage] = useState<'quiet' | 'opening' | 'explained'>('quiet');
  useEffect(() => {
    const shown = setTimeout(() => setStage('opening'), OPENING_SHOWN_AFTER_MS);
    const explained = setTimeout(() => setStage('explained'), OPENING_EXPLAINED_AFTER_MS);
    return () => {
      clearTimeout(shown);
      clearTimeout(explained);
    };
  }, []);
  if (stage === 'quiet') return null;
  return (
    <div className="screen session-screen">
      <div className="state state--loading" role="status">
        <p>
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.session.opening')}
        </p>
        {stage === 'explained' && <p>{text.ui('ui.session.openingSlow')}</p>}
      </div>
    </div>
  );
}
