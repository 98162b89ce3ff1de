/**
 * Shows its children only to someone signed in: until session.current answers, nothing;
 * then the first-run screen while no supervisor can sign in, else the sign-in screen.
 */
import type { ReactNode } from 'react';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { SetupScreen } from './SetupScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';

export function RequireSession({ children }: { children: ReactNode }) {
  const text = useText();
  const known = useDesk((s) => s.sessionKnown);
  const signedIn = useDesk((s) => s.user !== null);
  const firstRun = useDesk((s) => s.firstRun);
  const failed = useDesk((s) => s.sessionError !== null);
  if (signedIn) return children;
  if (!known) return null;
  if (failed) {
    return (
      <div className="screen session-screen">
        <div className="state state--error" role="alert">
          <p>{text.ui('ui.user.unknown')}</p>
        </div>
      </div>
    );
  }
  return firstRun ? <SetupScreen /> : <SignInScreen />;
}
