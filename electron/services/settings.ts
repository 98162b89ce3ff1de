/** The settings area's handlers (shared/contracts/settings.ts): About and diagnostics (about.ts), the request letter (letter-settings.ts). */
import type { settingsContract } from '../../shared/contracts/settings.ts';
import { appInfo, diagnostics } from './about.ts';
import type { Handlers } from './handlers.ts';
import { letterSettings, saveLetterSettings } from './letter-settings.ts';

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings.info': (ctx, _input, session) => appInfo(ctx, session.shell),
  'settings.diagnostics': (ctx, _input, session) => diagnostics(ctx, session.shell),
  'settings.letter': (ctx) => letterSettings(ctx),
  'settings.saveLetter': saveLetterSettings,
};
