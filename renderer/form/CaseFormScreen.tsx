/** The route's form: a new case, or the case named by the route loaded, then edited. */
import { useEffect } from 'react';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { CaseForm } from './CaseForm.tsx';

export function NewCaseScreen() {
  return <CaseForm original={null} />;
}

export function EditCaseScreen({ caseId }: { caseId: string }) {
  const text = useText();
  const open = useDesk((s) => s.openCase);
  const loadCase = useDesk((s) => s.loadCase);
  const mine = open.id === caseId;
  const record = mine && open.phase === 'ready' ? open.record : null;

  useEffect(() => {
    // The case page has usually loaded it already; a typed URL or a reload has not.
    if (!mine) void loadCase(caseId);
  }, [mine, caseId, loadCase]);

  if (mine && open.phase === 'error') {
    return (
      <div className="screen">
        <div className="state state--error" role="alert">
          <h1>{text.ui('ui.case.error.title')}</h1>
          <p>{text.message(open.error?.messageKey ?? 'error.internal')}</p>
        </div>
      </div>
    );
  }
  if (record === null) {
    return (
      <div className="screen">
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.case.loading')}
        </p>
      </div>
    );
  }
  // A new version (after "reload" on a conflict) starts a new draft.
  return <CaseForm key={`${record.id}:${record.version}`} original={record} onReload={() => void loadCase(caseId)} />;
}
