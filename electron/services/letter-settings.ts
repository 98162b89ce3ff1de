/**
 * The covering letter of the request (Settings): read by everyone who makes a request, saved
 * by a legal officer or supervisor; each save is one audited write of the setting (entity
 * `setting`, whose row is in the audit's digests: db/entity-digest.ts).
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { readSetting, writeSetting } from '../../db/settings-repo.ts';
import { EMPTY_LETTER, LETTER_SETTING, letterSettingsSchema, type LetterSettings } from '../../shared/reports/letter.ts';
import type { ServiceContext } from './context.ts';
import type { Input } from './handlers.ts';
import { write } from './write.ts';

/** The letter as configured; the empty letter when nothing is (or what is stored no longer reads). */
export function letterSettings(ctx: Pick<ServiceContext, 'db'>): LetterSettings {
  const stored = letterSettingsSchema.safeParse(readSetting(ctx.db, LETTER_SETTING) ?? {});
  return stored.success ? stored.data : EMPTY_LETTER;
}

export function saveLetterSettings(ctx: ServiceContext, { letter, reason }: Input<'settings.saveLetter'>): LetterSettings {
  return write(ctx, (scope) => {
    const before = letterSettings(ctx);
    writeSetting(scope.db, { name: LETTER_SETTING, value: letter, updatedAt: scope.at, updatedBy: scope.userId });
    appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'setting.save', entity: 'setting', entityId: LETTER_SETTING, reason: reason ?? null, before, after: letter });
    return letter;
  });
}
