/**
 * The lifecycle drawn as a Mermaid state diagram, from the transition table itself:
 * docs/workflow.md holds this text, and diagram.test.ts fails when the two differ
 * (`TSP_WRITE_WORKFLOW_DOC=1 npx vitest run shared/workflow/diagram.test.ts` rewrites it).
 */
import { ROLES } from '../vocabularies.ts';
import { OPEN_STEPS, TRANSITION_IDS, TRANSITIONS, type TransitionId } from './lifecycle.ts';
import { creatableSteps, mayRecord } from './roles.ts';

const node = (name: string) => name.replace(/-/g, '_');

function edge(id: TransitionId): string[] {
  const spec = TRANSITIONS[id] as { from: readonly string[] | 'open' | 'transferred'; to: Record<string, string>; guards: readonly string[] };
  const [target] = Object.values(spec.to) as [string];
  const guards = spec.guards.filter((g) => g !== 'date_in_future');
  const label = guards.length === 0 ? id : `${id} [${guards.join(', ')}]`;
  const froms = spec.from === 'open' ? ['open'] : spec.from === 'transferred' ? ['transferred'] : spec.from.map(node);
  // An entry on the timeline only (our decision, its approval, a new plan, news after the transfer): the case stays where it is.
  return froms.map((from) => `    ${from} --> ${'record' in spec.to ? from : 'enforcement' in spec.to ? 'transferred' : node(target)}: ${label}`);
}

/** The Markdown page docs/workflow.md, exactly. */
export function workflowMarkdown(): string {
  const inner = TRANSITION_IDS.filter((id) => {
    const { from, to } = TRANSITIONS[id] as { from: unknown; to: object };
    return Array.isArray(from) && ('status' in to || 'record' in to);
  });
  const outer = TRANSITION_IDS.filter((id) => !inner.includes(id));
  const lines = [
    '# The transfer lifecycle',
    '',
    'Generated from `shared/workflow/lifecycle.ts` by `workflowMarkdown()` (`shared/workflow/diagram.ts`);',
    '`shared/workflow/diagram.test.ts` fails when this file differs. Do not edit it by hand:',
    '`TSP_WRITE_WORKFLOW_DOC=1 npx vitest run shared/workflow/diagram.test.ts` rewrites it.',
    '',
    'Outgoing and incoming cases move through the same steps; what each step asks for (tasks and',
    'documents) depends on the direction and the rule-set. Guards in brackets refuse a transition',
    'with a coded reason; every transition may also be refused when its date is in the future or',
    'before the date the case reached the step it starts from.',
    'Any open step may end in the terminal states of docs/domain.md "How a case ends"; refusing, withdrawing and',
    'closing take a coded reason (`shared/workflow/reasons.ts`) besides the free text. A withdrawal of',
    'consent after the point the rule-set makes consent irrevocable is recorded but ends nothing.',
    '',
    "At the decision step our State's decision is recorded (`record-decision`), then approved by a",
    'supervisor who did not record it (`approve-decision`, four eyes); the request goes out only',
    'after both, at this visit of the step (a return to the dossier asks for them again). Scheduling',
    'the handover records its planned date, place, escorting authority and contact; the case is',
    'assessed as if handed over then: refused when nothing of the sentence is left or a condition',
    'tested at the transfer fails on that day, warned when less than the minimum would remain or the',
    'transfer window closes first (`shared/workflow/handover-check.ts`).',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> draft',
    '  state open {',
    ...OPEN_STEPS.map((s) => `    state "${s}" as ${node(s)}`),
    ...inner.flatMap(edge),
    '  }',
    ...outer.flatMap(edge).map((l) => l.slice(2)),
    '  transferred --> [*]',
    '```',
    '',
    '## Who records each transition',
    '',
    'From `shared/workflow/roles.ts`: correctional officers record the screening, the consent',
    "verification and the handover; legal officers the dossier, our State's decision, the requests",
    'and replies, and enforcement news after a transfer; supervisors the approval of the decision,',
    'every closure but the transfer, and reopening a closed case (to a step the case had reached).',
    'A role records what the roles before it',
    'record; viewers record nothing. Refused: `forbidden`, guard `role_forbidden` on the case page.',
    '',
    `| transition | ${ROLES.join(' | ')} |`,
    `|---|${ROLES.map(() => ':-:').join('|')}|`,
    ...TRANSITION_IDS.map((id) => `| \`${id}\` | ${ROLES.map((r) => (mayRecord(r, id) ? 'yes' : '—')).join(' | ')} |`),
    '',
    'A case is created or imported only at an open step its creator could have brought it to with',
    'transitions of their own role (never at an ended status, which comes only with a closure):',
    '',
    ...ROLES.map((r) => `- ${r}: ${creatableSteps(r).join(', ') || 'none'}`),
    '',
  ];
  return lines.join('\n');
}
