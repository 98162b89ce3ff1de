/**
 * The screens join two catalogue texts through a message ("{parameter}: {part}" in English,
 * "{parameter}：{part}" in Chinese), never with a half-width colon written in code, which a
 * Chinese screen would show between two Chinese words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDERER = join(ROOT, 'renderer');
/** A catalogue text followed by a colon in a template literal (`${text.ui('a')}: ${…}`) or in JSX (`{text.ui('a')}:`). */
const CODED_COLON = /\$\{(which|text\.(ui|message)\([^`]*?\))\}: |\{text\.(ui|message)\([^{}]*\)\}:/;
/** Known, left to the work that rewrites the line (issue 18: field paths on the enforcement section). */
const LEFT: ReadonlySet<string> = new Set(['renderer/case/EnforcementSection.tsx']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('labels joined in code', () => {
  it('the pattern finds a coded colon', () => {
    expect(CODED_COLON.test("label={`${text.ui('ui.profiles.remission')}: ${text.ui('ui.treaties.params.source')}`}")).toBe(true);
    expect(CODED_COLON.test("<strong>{text.ui('report.missing')}:</strong>")).toBe(true);
    expect(CODED_COLON.test("label={text.ui('ui.treaties.editor.fieldLabel', { parameter: a, part: b })}")).toBe(false);
  });

  it('no renderer source joins catalogue texts with a half-width colon', () => {
    const found = sources(RENDERER).flatMap((file) => {
      const name = relative(ROOT, file).split('\\').join('/');
      if (LEFT.has(name)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (CODED_COLON.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : []));
    });
    expect(found).toEqual([]);
  });
});
