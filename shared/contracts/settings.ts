/**
 * Settings: where the store lives and what Settings › About shows, the diagnostics for a
 * support request, and the request letter's settings (electron/services/settings.ts).
 */
import { z } from 'zod';
import type { AboutInfo, Diagnostics } from '../about-schemas.ts';
import { letterSettingsSchema } from '../reports/letter.ts';
import { ALL, LEGAL, noInput, typed, type AreaContract } from './channel.ts';

/** Where the store lives, and what Settings › About TSP Desk shows. */
export interface AppInfo extends AboutInfo {
  dataFile: string;
}

const saveLetterInput = z.strictObject({ letter: letterSettingsSchema, reason: z.string().trim().min(1).max(2000).optional() });

export const settingsContract = {
  'settings.info': { input: noInput, output: typed<AppInfo>(), roles: ALL },
  /** For a support request: the About facts and the log's last lines, no personal data. */
  'settings.diagnostics': { input: noInput, output: typed<Diagnostics>(), roles: ALL },
  'settings.letter': { input: noInput, output: letterSettingsSchema, roles: ALL },
  'settings.saveLetter': { input: saveLetterInput, output: letterSettingsSchema, roles: LEGAL },
} as const satisfies AreaContract;
