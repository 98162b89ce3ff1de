/**
 * Shows its children only to someone signed in: until session.current answers, that the store
 * is being opened (after a moment); then the first-run screen while no supervisor can sign in,
 * else the sign-in screen.
 */
import { Suspense, type ReactNode } from 'react';
import { SetupScreen, SignInScreen } from '../screens.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { OpeningStore } from './OpeningStore.tsx';

export function RequireSession({ children }: { children: ReactNode }) {
  const text = useText();
  const known = useDesk((s) => s.sessionKnown);
  const signedIn = useDesk((s) => s.user !== null);
  const firstRun = useDesk((s) => s.firstRun);
  const failed = useDesk((s) => s.sessionError !== null);
  if (signedIn) return children;
  if (!known) return <OpeningStore />;
  if (failed) {
    return (
      <div className="screen session-screen">
        <div className="state state--error" role="alert">
          <p>{text.ui('ui.user.unknown')}</p>
        </div>
      </div>
    );
  }
  // Their code loads when first shown (screens.tsx); it is local, so no placeholder.
  return <Suspense fallback={null}>{firstRun ? <SetupScreen /> : <SignInScreen />}</Suspense>;
}
