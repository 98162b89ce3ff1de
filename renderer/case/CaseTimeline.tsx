/** The MoJ timeline: what happened to the case, most recent first, with when, who and the note. */
import type { CaseEvent, CloseOutcome, CaseStatus } from '../../shared/api-schemas.ts';
import { CLOSE_OUTCOMES } from '../../shared/api-schemas.ts';
import { caseStatuses } from '../../shared/domain/case.ts';
import { useDesk } from '../store/index.ts';
import { caseStatusLabel } from '../text/case-labels.ts';
import { useText, type Text } from '../text/use-text.ts';

/** Event kinds: created, imported, status:<status>, closed:<outcome>, reopened. */
function eventTitle(text: Text, kind: string): string {
  const [what, detail] = kind.split(':', 2);
  if (what === 'created') return text.ui('ui.event.created');
  if (what === 'imported') return text.ui('ui.event.imported');
  if (what === 'reopened') return text.ui('ui.event.reopened');
  const status = caseStatuses.find((s): s is CaseStatus => s === detail);
  if (what === 'status' && status !== undefined) return text.ui('ui.event.status', { status: caseStatusLabel(text, status) });
  const outcome = CLOSE_OUTCOMES.find((o): o is CloseOutcome => o === detail);
  if (what === 'closed' && outcome !== undefined) return text.ui('ui.event.closed', { outcome: text.ui(`ui.outcome.${outcome}`) });
  return kind;
}

export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const text = useText();
  const user = useDesk((s) => s.user);
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
                <time dateTime={event.createdAt}>{text.dateTime(event.createdAt)}</time>
                <span>{text.ui('ui.timeline.by', { user: event.userId === user?.id ? user.name : event.userId.slice(0, 8) })}</span>
              </p>
              {event.note !== null && <p className="timeline__note">{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
