/**
 * The covering letter of the request to the other State's central authority (issue 19), as
 * configured in Settings: our letterhead (authority, address, place of writing), the
 * addressee for each State, the prefix of our reference, the signature block. Stored as the
 * store setting `request-letter` (electron/services/letter-settings.ts). Pure.
 */
import { z } from 'zod';
import { country } from '../domain/fields.ts';

const line = z.string().trim().max(300);

export const letterSettingsSchema = z.strictObject({
  authority: line.default(''),
  address: z.array(line).max(8).default([]),
  place: line.default(''),
  referencePrefix: z.string().trim().max(40).default(''),
  signatory: line.default(''),
  signatoryTitle: line.default(''),
  /** The addressee of the request, by the other State's ISO code (e.g. "RU" -> "Ministry of Justice of the Russian Federation"). */
  addressees: z
    .record(country, z.string().trim().min(1).max(500))
    .refine((r) => Object.keys(r).length <= 300, { error: 'validation.letter.addressees' })
    .default({}),
});
export type LetterSettings = z.output<typeof letterSettingsSchema>;

export const LETTER_SETTING = 'request-letter';

/** Nothing configured yet: the request is addressed to "the Central Authority of <State>" and signed by the central authority. */
export const EMPTY_LETTER: LetterSettings = letterSettingsSchema.parse({});
