/** The renderer is built once per run, by the e2e project's global setup, and every shell reads that build. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { acquireRenderer, releaseRenderer } from './renderer-build.ts';

describe('the renderer of an e2e run', () => {
  it('is the one build the global setup made: a shell acquires it without building, and releasing it keeps the folder', async () => {
    const made = inject('renderer');
    expect(made.files.map((f) => f.name)).toContain('index.html');
    const acquired = await acquireRenderer();
    expect(acquired).toStrictEqual(made);
    await releaseRenderer();
    expect(fs.existsSync(path.join(made.dir, 'index.html'))).toBe(true);
  });
});
