/** The Due page: what is due across the open cases, by urgency (electron/services/due.ts). */
import { z } from 'zod';
import { boundedDate } from '../domain/fields.ts';
import { dueListSchema } from '../workflow-schemas.ts';
import { URGENCIES } from '../workflow/alerts.ts';
import { ALL, type AreaContract } from './channel.ts';

const listDueInput = z.strictObject({
  /** "What is due as of": today when left out. */
  on: boundedDate.optional(),
  /** How far ahead "later" reaches. */
  horizonDays: z.int().min(0).max(3660).default(90),
  urgency: z.enum(URGENCIES).optional(),
  /** Rows of each urgency: a page within each group, never a cut across them. */
  limit: z.int().min(1).max(5000).default(1000),
  /** Rows of each group to skip (the next page of one group: `urgency` with `offset`). */
  offset: z.int().min(0).max(10_000_000).default(0),
});

export const dueContract = {
  'due.list': { input: listDueInput, output: dueListSchema, roles: ALL },
} as const satisfies AreaContract;
