/**
 * The law the sentence was imposed under: national law, or a constituent State's (a US State,
 * by name; stored as its ISO 3166-2 code, e.g. `US-TX`). A code of another country's constituent
 * State already on the case is kept and offered, named by its country.
 */
import { FieldFrame } from '../components/FieldFrame.tsx';
import { placeName, usStateOptions } from '../text/subdivisions.ts';
import { useText } from '../text/use-text.ts';
import { fieldId } from './case-draft.ts';
import type { Problems } from './fields.tsx';

const PATH = 'judgment.jurisdiction';

export function JurisdictionField({ value, onChange, problems }: { value: string; onChange(value: string): void; problems: Problems }) {
  const text = useText();
  const id = fieldId(PATH);
  const usStates = usStateOptions(text.locale);
  const other = value !== '' && value !== 'national' && !usStates.some((s) => s.code === value);
  return (
    <FieldFrame id={id} label={text.ui('ui.form.f.judgment.jurisdiction')} hint={text.ui('ui.form.jurisdiction.hint')} messages={problems.get(PATH) ?? []}>
      {({ invalid, describedBy }) => (
        <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          <option value="">{text.ui('ui.value.notRecorded')}</option>
          <option value="national">{text.ui('ui.form.jurisdiction.national')}</option>
          <optgroup label={text.ui('ui.form.jurisdiction.usStates')}>
            {usStates.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </optgroup>
          {other && (
            <optgroup label={text.ui('ui.form.jurisdiction.other')}>
              <option value={value}>{placeName(text.locale, text.region, value)}</option>
            </optgroup>
          )}
        </select>
      )}
    </FieldFrame>
  );
}
