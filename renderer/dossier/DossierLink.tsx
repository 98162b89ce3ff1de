/** "Dossier (print preview)" on the case page, for the roles that may read a dossier (shared/api.ts). */
import { mayCall } from '../../shared/api.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

export function DossierLink({ caseId }: { caseId: string }) {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  if (!mayCall(role, 'dossier.model')) return null;
  return (
    <a className="button button--secondary" href={`#/case/${caseId}/dossier`}>
      {text.ui('reports.ui.dossier')}
    </a>
  );
}
