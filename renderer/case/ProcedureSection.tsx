/**
 * Consent and the dates of the procedure (issue 18): what the form records under "Consent" and
 * "Dates of the procedure", shown on the case page with the form's own labels, each date written
 * out; a fact not recorded says so.
 */
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { Facts } from '../components/Facts.tsx';
import { EVENT_FIELDS } from '../form/case-draft.ts';
import { useText } from '../text/use-text.ts';
import { yesNo } from '../text/values.ts';

export function ProcedureSection({ record }: { record: CaseRecord }) {
  const text = useText();
  const { consent, events } = record.case;
  const date = (iso: string | null | undefined) => (iso == null ? null : text.date(iso));
  return (
    <section className="panel panel--procedure" aria-labelledby="procedure-title">
      <h2 id="procedure-title">{text.ui('ui.case.procedure.title')}</h2>
      <h3>{text.ui('ui.form.section.consent')}</h3>
      <Facts
        className="facts--columns"
        facts={[
          { label: text.ui('ui.form.f.consent.status'), value: consent?.status == null ? null : text.ui(`ui.form.consent.${consent.status}`) },
          { label: text.ui('ui.form.f.consent.by'), value: consent?.by == null ? null : text.ui(`ui.form.consentBy.${consent.by}`) },
          { label: text.ui('ui.form.f.consent.date'), value: date(consent?.date) },
          { label: text.ui('ui.form.f.consent.withdrawnOn'), value: date(consent?.withdrawnOn) },
          { label: text.ui('ui.form.f.consent.verified'), value: yesNo(text, consent?.verified) },
          { label: text.ui('ui.form.f.consent.opinionRecorded'), value: yesNo(text, consent?.opinionRecorded) },
        ]}
      />
      <h3>{text.ui('ui.form.section.events')}</h3>
      <Facts className="facts--columns" facts={EVENT_FIELDS.map((e) => ({ label: text.ui(`ui.form.f.events.${e}`), value: date(events[e]) }))} />
    </section>
  );
}
