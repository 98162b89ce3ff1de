/**
 * The e2e project's global setup: builds the renderer once for the whole run, before any test
 * file starts, and hands the folder to every test file (e2e/use-shared-renderer.ts); the folder
 * goes when the run ends. Each file used to build its own copy.
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildRenderer, type RendererBuild } from './renderer-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    renderer: RendererBuild;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const renderer = await buildRenderer();
  project.provide('renderer', renderer);
  return () => fs.rmSync(renderer.dir, { recursive: true, force: true });
}
