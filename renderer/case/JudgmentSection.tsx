/**
 * The judgment (with the law it was imposed under and, for a constituent State's law, that
 * State's consent), each sentence with its term and start, and the dates the case's latest
 * assessment computed from them, with the arithmetic step by step.
 */
import type { AssessmentRecord, CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseFile, Sentence } from '../../shared/domain/case.ts';
import { Facts } from '../components/Facts.tsx';
import { NotRecorded } from '../components/NotRecorded.tsx';
import { useText, type Text } from '../text/use-text.ts';
import { yesNo } from '../text/values.ts';
import { ComputedDates } from './ComputedDates.tsx';

function term(text: Text, sentence: Sentence): string {
  if (sentence.term === 'life') return text.ui('ui.term.life');
  if (sentence.term === 'indeterminate') return text.ui('ui.term.indeterminate');
  return text.period(sentence.term);
}

/** "O1 Trafficking in a dangerous drug; O2 …": each offence of a sentence by id and description. */
function offences(c: CaseFile, ids: readonly string[]): string {
  const descriptions = new Map(c.offences.map((o) => [o.id, o.description]));
  return ids.map((id) => [id, descriptions.get(id)].filter(Boolean).join(' ')).join('; ');
}

/** A death sentence and whether it was commuted; not recorded stays not recorded. */
function deathSentence(text: Text, j: CaseFile['judgment']): string | null {
  if (j.deathSentence !== true) return yesNo(text, j.deathSentence);
  if (j.deathSentenceCommuted == null) return text.ui('ui.judgment.deathSentence.commutationUnknown');
  return text.ui(j.deathSentenceCommuted ? 'ui.judgment.deathSentence.commuted' : 'ui.judgment.deathSentence.notCommuted');
}

function jurisdiction(text: Text, code: string | null | undefined): string | null {
  if (code == null) return null;
  return code === 'national' ? text.ui('ui.judgment.jurisdiction.national') : text.ui('ui.judgment.jurisdiction.state', { jurisdiction: code });
}

function SentencesTable({ c }: { c: CaseFile }) {
  const text = useText();
  if (c.sentences.length === 0) return <p className="muted">{text.ui('ui.sentences.none')}</p>;
  return (
    <table className="data-table sentences-table">
      <caption>{text.ui('ui.sentences.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{text.ui('ui.sentences.id')}</th>
          <th scope="col">{text.ui('ui.sentences.term')}</th>
          <th scope="col">{text.ui('ui.sentences.start')}</th>
          <th scope="col">{text.ui('ui.sentences.consecutiveTo')}</th>
          <th scope="col">{text.ui('ui.sentences.offences')}</th>
        </tr>
      </thead>
      <tbody>
        {c.sentences.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.id}</th>
            <td className="nowrap">{term(text, s)}</td>
            <td className="nowrap">{s.start == null ? <NotRecorded /> : text.date(s.start)}</td>
            <td>{s.consecutiveTo ?? <NotRecorded />}</td>
            <td>{s.offences.length === 0 ? <NotRecorded /> : offences(c, s.offences)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function JudgmentSection({ record, latest }: { record: CaseRecord; latest: AssessmentRecord | null }) {
  const text = useText();
  const c = record.case;
  const j = c.judgment;
  return (
    <section className="panel panel--judgment" aria-labelledby="judgment-title">
      <h2 id="judgment-title">{text.ui('ui.judgment.title')}</h2>
      <Facts
        className="facts--columns"
        facts={[
          { label: text.ui('ui.judgment.date'), value: j.date == null ? null : text.date(j.date) },
          { label: text.ui('ui.judgment.sentencingCourt'), value: j.sentencingCourt },
          { label: text.ui('ui.judgment.final'), value: yesNo(text, j.final) },
          { label: text.ui('ui.judgment.appealPending'), value: yesNo(text, j.appealPending) },
          { label: text.ui('ui.judgment.appealPeriodEnds'), value: j.appealPeriodEnds == null ? null : text.date(j.appealPeriodEnds) },
          { label: text.ui('ui.judgment.remand'), value: c.remandDays == null ? null : text.days(c.remandDays) },
          { label: text.ui('ui.judgment.deathSentence'), value: deathSentence(text, j) },
          { label: text.ui('ui.judgment.jurisdiction'), value: jurisdiction(text, j.jurisdiction) },
          ...(j.jurisdiction == null || j.jurisdiction === 'national'
            ? []
            : [{ label: text.ui('ui.judgment.stateConsent'), value: c.consent?.stateAuthority == null ? null : text.ui(`ui.form.stateConsent.${c.consent.stateAuthority}`) }]),
        ]}
      />
      <SentencesTable c={c} />
      <ComputedDates assessment={latest} />
    </section>
  );
}
