/**
 * The MoJ timeline: what happened to the case, most recent first — what, when it happened
 * (and when it was recorded), who, the legal basis, the documents cited and the note.
 */
import type { CaseEvent } from '../../shared/api-schemas.ts';
import { CLOSE_OUTCOMES, caseStatuses, type CaseStatus, type CloseOutcome } from '../../shared/vocabularies.ts';
import { ENFORCEMENT_KINDS } from '../../shared/workflow/lifecycle.ts';
import { documentLabel } from '../due/labels.ts';
import { caseStatusLabel } from '../text/case-labels.ts';
import { useText, type Text } from '../text/use-text.ts';

/**
 * Event kinds: created, imported, status:<status>, closed:<outcome>, reopened,
 * consent-withdrawal-ineffective, enforcement:<kind>, enforcement-decision (the Adaptation step),
 * decision-recorded, decision-approved, handover-rescheduled, package-imported (issue 19), import-updated (issue 20).
 */
function eventTitle(text: Text, kind: string): string {
  const [what, detail] = kind.split(':', 2);
  if (what === 'created') return text.ui('ui.event.created');
  if (what === 'imported') return text.ui('ui.event.imported');
  if (what === 'reopened') return text.ui('ui.event.reopened');
  if (what === 'consent-withdrawal-ineffective') return text.ui('ui.event.consent-withdrawal-ineffective');
  if (what === 'enforcement-decision') return text.ui('ui.event.enforcement-decision');
  if (what === 'decision-recorded' || what === 'decision-approved' || what === 'handover-rescheduled' || what === 'package-imported' || what === 'import-updated') return text.ui(`ui.event.${what}`);
  const status = caseStatuses.find((s): s is CaseStatus => s === detail);
  if (what === 'status' && status !== undefined) return text.ui('ui.event.status', { status: caseStatusLabel(text, status) });
  const outcome = CLOSE_OUTCOMES.find((o): o is CloseOutcome => o === detail);
  if (what === 'closed' && outcome !== undefined) return text.ui('ui.event.closed', { outcome: text.ui(`ui.outcome.${outcome}`) });
  const enforcement = ENFORCEMENT_KINDS.find((k) => k === detail);
  if (what === 'enforcement' && enforcement !== undefined) return text.ui('ui.event.enforcement', { kind: text.ui(`workflow.transition.report-${enforcement}`) });
  return kind;
}

function fromLabel(text: Text, status: string): string {
  const known = caseStatuses.find((s): s is CaseStatus => s === status);
  return known === undefined ? status : caseStatusLabel(text, known);
}

export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const text = useText();
  const newestFirst = [...events].reverse();
  return (
    <section className="panel panel--timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{text.ui('ui.timeline.title')}</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">{text.ui('ui.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((event) => (
            <li key={event.id} className="timeline__item">
              <h3 className="timeline__title">{eventTitle(text, event.kind)}</h3>
              <p className="timeline__meta">
                <time dateTime={event.date}>{text.date(event.date)}</time>
                <span>{text.ui('ui.timeline.by', { user: event.userName ?? event.userId.slice(0, 8) })}</span>
                <time className="muted" dateTime={event.createdAt}>{text.dateTime(event.createdAt)}</time>
              </p>
              {event.fromStatus !== null && event.kind.startsWith('status:') && (
                <p className="timeline__detail">{text.ui('workflow.timeline.from', { status: fromLabel(text, event.fromStatus) })}</p>
              )}
              {event.legalBasis !== null && <p className="timeline__detail">{text.ui('workflow.timeline.legalBasis', { basis: event.legalBasis })}</p>}
              {event.documents !== null && event.documents.length > 0 && (
                <p className="timeline__detail">
                  {text.ui('workflow.timeline.documents', { documents: event.documents.map((kind) => documentLabel(text, kind)).join(text.locale === 'en' ? '; ' : '；') })}
                </p>
              )}
              {event.note !== null && <p className="timeline__note">{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
