/**
 * Every message the engine and the route finder produce has a wording in both catalogues: the
 * condition explanations and date steps of every golden fixture (and of every route of the route
 * fixtures), in English and in Traditional Chinese; and every English key has a Chinese one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessUnder, lawResolver } from '../electron/services/ruleset-resolution.ts';
import { routeLaw } from '../electron/services/routes.ts';
import { parseCase } from '../shared/domain/case.ts';
import { findRoutes } from '../shared/eligibility/routes.ts';
import type { Assessment } from '../shared/eligibility/types.ts';
import { en } from '../shared/i18n/en.ts';
import { hasMessage, LOCALES } from '../shared/i18n/index.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import { builtInTreatyMap } from '../shared/treaties/map/built-in/index.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');

function assessments(): Assessment[] {
  const out: Assessment[] = [];
  for (const folder of readdirSync(FIXTURES)) {
    const dir = join(FIXTURES, folder);
    if (!statSync(dir).isDirectory() || folder === 'enforcement') continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.case.json'))) {
      const parsed = parseCase(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.ok) continue;
      if (folder === 'routes') {
        out.push(...findRoutes(parsed.value, { map: builtInTreatyMap(), law: routeLaw(lawResolver(null), TODAY), today: TODAY }).map((r) => r.assessment));
      } else {
        const law = lawResolver(null)(folder, parsed.value, undefined, TODAY);
        if (law !== undefined) out.push(assessUnder(law, parsed.value, null, TODAY));
      }
    }
  }
  return out;
}

describe('message catalogues', () => {
  it('every English message has a Traditional Chinese one', () => {
    expect(Object.keys(en).filter((key) => !(key in zhHant))).toEqual([]);
  });

  it('every condition explanation and date step of the fixtures is worded in both languages', () => {
    const keys = new Set<string>();
    for (const a of assessments()) {
      for (const c of a.conditions) keys.add(c.messageKey);
      for (const s of a.steps) keys.add(s.key);
    }
    expect(keys.size).toBeGreaterThan(50);
    for (const locale of LOCALES) expect([...keys].filter((key) => !hasMessage(locale, key)), locale).toEqual([]);
  });
});
