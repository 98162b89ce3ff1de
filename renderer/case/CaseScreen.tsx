/**
 * Case: the identity bar, then Person, Judgment & sentences, for an incoming case the sentence
 * to be enforced here, Eligibility, where else the person could go, the assessment
 * history, Transfer and Documents, and the timeline. Focus goes to the person's name when the case has loaded;
 * Esc (outside a field or an open panel) goes back to the list.
 */
import { CaseWorkSection } from './CaseWorkSection.tsx';
import { useEffect, useRef } from 'react';
import { useDesk } from '../store/index.ts';
import { fullName, personName } from '../text/people.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from '../components/Icon.tsx';
import { isTypingTarget } from '../components/keyboard.ts';
import { DossierLink } from '../dossier/DossierLink.tsx';
import { AssessmentHistory } from './AssessmentHistory.tsx';
import { AuditHistory } from './AuditHistory.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { EnforcementSection } from './EnforcementSection.tsx';
import { IdentityBar } from './IdentityBar.tsx';
import { JudgmentSection } from './JudgmentSection.tsx';
import { ProcedureSection } from './ProcedureSection.tsx';
import { PersonSection } from './PersonSection.tsx';
import { RoutesPanel } from './RoutesPanel.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import { caseVerdictAssessment } from './what-if.ts';

function BackButton() {
  const text = useText();
  const navigate = useDesk((s) => s.navigate);
  return (
    <button type="button" className="button button--quiet back-button" aria-keyshortcuts="Escape" onClick={() => navigate({ screen: 'cases' })}>
      <Icon name="back" />
      {text.ui('ui.case.back')}
    </button>
  );
}

export function CaseScreen({ caseId }: { caseId: string }) {
  const text = useText();
  const open = useDesk((s) => s.openCase);
  const loadCase = useDesk((s) => s.loadCase);
  const navigate = useDesk((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = open.id === caseId && open.phase === 'ready';
  const failed = open.id === caseId && open.phase === 'error';
  const record = ready ? open.record : null;

  useEffect(() => {
    void loadCase(caseId);
  }, [caseId, loadCase]);

  useEffect(() => {
    if (ready || failed) heading.current?.focus();
  }, [ready, failed]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return;
      navigate({ screen: 'cases' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);

  const title = record === null ? null : fullName(personName(record.case.person.familyName, record.case.person.givenNames));
  useEffect(() => {
    document.title = `${title ?? text.ui('ui.case.loading')} — ${text.ui('ui.app.name')}`;
  }, [title, text]);

  if (failed) {
    return (
      <div className="screen case-screen">
        <BackButton />
        <div className="state state--error" role="alert">
          <h1 tabIndex={-1} ref={heading}>
            {text.ui('ui.case.error.title')}
          </h1>
          <p>{text.message(open.error?.messageKey ?? 'error.internal')}</p>
        </div>
      </div>
    );
  }
  if (record === null) {
    return (
      <div className="screen case-screen">
        <BackButton />
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.case.loading')}
        </p>
      </div>
    );
  }

  return (
    <div className="screen case-screen">
      <IdentityBar
        record={record}
        back={<BackButton />}
        headingRef={heading}
        actions={
          <>
            {record.closedAt === null && (
              <button type="button" className="button button--secondary" onClick={() => navigate({ screen: 'edit', caseId: record.id })}>
                <Icon name="edit" />
                {text.ui('ui.case.edit')}
              </button>
            )}
            <DossierLink caseId={record.id} />
          </>
        }
      />
      <div className="case-grid">
        <PersonSection person={record.case.person} custody={record.case.custody} />
        <JudgmentSection record={record} latest={caseVerdictAssessment(record, open.assessments)} />
        <ProcedureSection record={record} />
        {record.case.direction === 'incoming' && <EnforcementSection record={record} />}
        <EligibilityPanel record={record} assessments={open.assessments} />
        <RoutesPanel key={record.version} record={record} />
        <AssessmentHistory record={record} assessments={open.assessments} />
        <TransferPanel record={record} />
        <CaseWorkSection record={record} />
        <CaseTimeline events={open.events} />
        <AuditHistory caseId={record.id} />
      </div>
    </div>
  );
}
