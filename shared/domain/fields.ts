/**
 * The fields every format and every channel shares, defined once: calendar dates and places.
 * Their problems are catalogue keys (`validation.*`), worded in the reader's language at the
 * edge (shared/problems.ts).
 */
import { z } from 'zod';
import { isIsoDate } from '../sentence/calendar.ts';
import { DATE_MAX, DATE_MIN, isDateInBounds } from './bounds.ts';

/** A real calendar date written YYYY-MM-DD (2023-02-29 is not), as the app writes them: any year it can compute. */
export const isoDate = z.string({ error: 'validation.date.type' }).refine(isIsoDate, { error: 'validation.date.real' });

/** A date given to the app (a case file, a rule-set, a request): within its bounds (shared/domain/bounds.ts). */
export const boundedDate = isoDate.refine((iso) => !isIsoDate(iso) || isDateInBounds(iso), {
  error: 'validation.date.range',
  params: { min: DATE_MIN, max: DATE_MAX },
});

/**
 * A State or territory: its ISO 3166-1 alpha-2 code in capitals (HK and MO are places with their own arrangements).
 * Empty, it is a picker left on "Choose a State": "Select a State", not the format of a code.
 */
export const country = z.string({ error: 'validation.country.type' })
  // One check, so that the JSON Schemas written from it (docs/schema) keep their pattern alone.
  .regex(/^[A-Z]{2}$/, { error: (issue) => (issue.input === '' ? 'validation.country.select' : 'validation.country.format') });
