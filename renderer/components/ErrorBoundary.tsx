/**
 * A screen that fails while rendering (a bug, data it did not expect) shows what happened and a
 * way back instead of a blank window: back to the case list, or reload the window. The masthead
 * stays usable, and going to another screen clears the failure (`resetKey`). Around the whole
 * window (`scope="window"`) the only way back is a reload. The failure is reported on the console
 * as one `[tsp]` line, which the main process writes to the diagnostics log (redacted there:
 * electron/diagnostics/process-watch.ts).
 */
import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useDesk } from '../store/index.ts';
import { textFor, useText } from '../text/use-text.ts';
import { Icon } from './Icon.tsx';

interface Props {
  children: ReactNode;
  /** Where the failure happened: a screen (the masthead still works) or the whole window. */
  scope: 'screen' | 'window';
  /** The screen's identity: when it changes, the boundary tries its children again. */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const where = /^\s*at (\S+)/m.exec(info.componentStack ?? '')?.[1] ?? 'unknown';
    console.error(`[tsp] render failed in ${where}: ${error.name}: ${error.message.split('\n')[0]}`);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return this.props.scope === 'window' ? (
      <WindowFailed error={this.state.error} />
    ) : (
      <ScreenFailed error={this.state.error} onBack={() => this.setState({ error: null })} />
    );
  }
}

function Details({ error, label }: { error: Error; label: string }) {
  return (
    <details className="crash__details">
      <summary>{label}</summary>
      <pre>{`${error.name}: ${error.message}`}</pre>
    </details>
  );
}

function ScreenFailed({ error, onBack }: { error: Error; onBack: () => void }) {
  const text = useText();
  const navigate = useDesk((s) => s.navigate);
  const setFormDirty = useDesk((s) => s.setFormDirty);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="screen">
      <section className="state state--error crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title" tabIndex={-1} ref={heading}>
          <Icon name="warning" />
          {text.ui('ui.crash.title')}
        </h1>
        <p>{text.ui('ui.crash.text')}</p>
        <p>{text.ui('ui.crash.next')}</p>
        <div className="crash__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setFormDirty(false); // a form that failed cannot save its changes
              navigate({ screen: 'cases' });
              onBack();
            }}
          >
            <Icon name="back" />
            {text.ui('ui.crash.back')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            {text.ui('ui.crash.reload')}
          </button>
        </div>
        <Details error={error} label={text.ui('ui.crash.details')} />
      </section>
    </div>
  );
}

/** Without hooks: what failed may be the store itself. */
function WindowFailed({ error }: { error: Error }) {
  let locale: Parameters<typeof textFor>[0] = 'en';
  try {
    locale = useDesk.getState().locale;
  } catch {
    // the store is what failed: English
  }
  const text = textFor(locale);
  return (
    <main className="screen" id="main">
      <section className="state state--error crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">{text.ui('ui.crash.title')}</h1>
        <p>{text.ui('ui.crash.text')}</p>
        <div className="crash__actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {text.ui('ui.crash.reload')}
          </button>
        </div>
        <Details error={error} label={text.ui('ui.crash.details')} />
      </section>
    </main>
  );
}
