/**
 * Every condition source the engine writes for the golden cases (fixtures/<rule-set>/, each
 * under its built-in rule-set) reads in Traditional Chinese: the built-in sources and the ways
 * the engine joins them (treaty-map rows, "counted to", a State's declaration) are all covered.
 * A fixture that patches its rule-set with its own source keeps that part as written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessUnder, lawResolver } from '../electron/services/ruleset-resolution.ts';
import { parseCase } from '../shared/domain/case.ts';
import { sourceText } from '../shared/i18n/sources.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import { builtInRuleSet } from '../shared/treaties/library.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function conditionSources(): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    const ruleSet = builtInRuleSet(folder);
    if (ruleSet === undefined || !statSync(join(FIXTURES, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith('.case.json'))) {
      const expected = readJson(join(FIXTURES, folder, file.replace('.case.json', '.expected.json'))) as { ruleSetPatch?: unknown; on?: string };
      if (expected.ruleSetPatch !== undefined) continue;
      const parsed = parseCase(readJson(join(FIXTURES, folder, file)));
      if (!parsed.ok) continue;
      const on = expected.on === undefined ? undefined : parseIsoDate(expected.on);
      const law = lawResolver(null, ruleSet)(ruleSet.id, parsed.value, on, TODAY);
      if (law === undefined) continue;
      for (const c of assessUnder(law, parsed.value, on ?? null, TODAY).conditions) out.push({ where: `${folder}/${file} ${c.id}`, source: c.source });
    }
  }
  return out;
}

describe('the conditions of the golden cases cite the law in Chinese', () => {
  const sources = conditionSources();

  it('assesses enough cases to see every kind of condition source', () => {
    expect(sources.length).toBeGreaterThan(500);
    expect(sources.some((s) => s.source.startsWith('Treaty map: '))).toBe(true);
    expect(sources.some((s) => s.source.includes('; counted to: '))).toBe(true);
  });

  it('every one is translated, none left in English', () => {
    const english = sources.filter(({ source }) => sourceText(source, 'zh-Hant') === source || /\b(Art|Treaty map|pattern|counted to)\b/.test(sourceText(source, 'zh-Hant')));
    expect(english.map(({ where, source }) => `${where}: ${source}`)).toEqual([]);
  });
});
