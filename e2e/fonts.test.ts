/**
 * English quotes and apostrophes are drawn with a Latin face in both languages: a CJK face draws
 * them full-width ("case’ s"). The font stack puts the Latin faces first; Chromium's own account
 * of the faces it drew a text with (CSS.getPlatformFontsForNode) names no CJK face for English,
 * and the apostrophe is as narrow as the Latin face's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSeededShell, saveScreenshot } from './harness.ts';
import type { Shell } from './shell.ts';

const ENGLISH = 'The case’s “rule-set” isn’t the person’s';
const CJK_FACE = /CJK|JhengHei|PingFang/;
let shell: Shell;
let page: Page;

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

/** A paragraph of `text` (element `id`) in the page's own font, the faces Chromium drew it with, and an apostrophe's width three ways. */
async function probe(text: string, id: string) {
  const widths = await page.evaluate(([words, probeId]) => {
    document.getElementById(probeId)?.remove();
    const p = document.createElement('p');
    p.id = probeId;
    p.textContent = words;
    document.querySelector('main')!.prepend(p);
    const width = (fontFamily: string | null): number => {
      const span = document.createElement('span');
      span.textContent = '’';
      if (fontFamily !== null) span.style.fontFamily = fontFamily;
      p.append(span);
      const measured = span.getBoundingClientRect().width;
      span.remove();
      return measured;
    };
    return { page: width(null), latin: width('var(--font-latin)'), cjk: width('"Noto Sans CJK TC"') };
  }, [text, id] as const);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return { fonts: fonts.map((f) => f.familyName), widths };
}

/** The families of the body's computed font stack, unquoted. */
async function fontStack(): Promise<string[]> {
  const stack = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  return stack.split(',').map((family) => family.trim().replace(/^"|"$/g, ''));
}

describe('the font stack', { timeout: 60_000 }, () => {
  it('in English: Latin faces first, and English text drawn with no CJK face', async () => {
    await shell.open('#/cases');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const stack = await fontStack();
    expect(stack[0]).toBe('Segoe UI');
    const lastLatin = stack.indexOf('Noto Sans');
    expect(lastLatin).toBeGreaterThan(0);
    expect(lastLatin).toBeLessThan(stack.findIndex((f) => CJK_FACE.test(f)));
    const { fonts, widths } = await probe(ENGLISH, 'font-probe-en');
    expect(fonts.filter((f) => CJK_FACE.test(f))).toEqual([]);
    expect(widths.page).toBe(widths.latin);
    expect(widths.page).toBeLessThan(widths.cjk / 2); // the CJK face's ’ is full-width
    await saveScreenshot(page, 'fonts-en');
  });

  it('in Chinese: still Latin faces first, so English inside Chinese screens keeps its apostrophes', async () => {
    await shell.open('#/cases');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    const english = await probe(ENGLISH, 'font-probe-en');
    expect(english.fonts.filter((f) => CJK_FACE.test(f))).toEqual([]);
    expect(english.widths.page).toBe(english.widths.latin);
    expect(english.widths.page).toBeLessThan(english.widths.cjk / 2);

    const stack = await fontStack();
    expect(stack[0]).toBe('Segoe UI');
    const lastLatin = stack.indexOf('Noto Sans');
    expect(lastLatin).toBeGreaterThan(0);
    expect(lastLatin).toBeLessThan(stack.indexOf('Noto Sans CJK TC'));

    // Chinese text still has a face that has it.
    const chinese = await probe('被判刑人士的個案：判刑地 → 執行地', 'font-probe-zh');
    expect(chinese.fonts.some((f) => CJK_FACE.test(f))).toBe(true);
    await saveScreenshot(page, 'fonts-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
