/**
 * Builds the renderer with the project's own vite.config.ts into a temporary folder, once
 * for all the shells open at the same time in a process; the folder goes when the last of
 * them releases it. Under Vitest's e2e project the build is made once for the whole run
 * (e2e/global-setup.ts) and handed to every test file (useSharedRenderer): the shells then
 * read that folder and never build or remove it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RendererBuild {
  dir: string;
  /** Every emitted file but source maps, with its size: what the app ships. */
  files: { name: string; bytes: number }[];
  millis: number;
}

let shared: { build: Promise<RendererBuild>; users: number } | undefined;
/** A build made by someone else for this whole run: used as it is, removed by its maker. */
let provided: RendererBuild | undefined;

async function buildInto(dir: string): Promise<RendererBuild> {
  const started = performance.now();
  // The test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      root: path.join(PROJECT_ROOT, 'renderer'),
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const millis = Math.round(performance.now() - started);
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { name: path.relative(dir, full), bytes: fs.statSync(full).size };
    });
  return { dir, files, millis };
}

/** Builds the renderer into a new temporary folder; the caller removes it. */
export async function buildRenderer(): Promise<RendererBuild> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-desk-renderer-'));
  try {
    return await buildInto(dir);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Makes every later acquireRenderer answer with `build` (made once for the run) instead of building. */
export function useSharedRenderer(build: RendererBuild): void {
  provided = build;
}

export function acquireRenderer(): Promise<RendererBuild> {
  if (provided !== undefined) return Promise.resolve(provided);
  if (shared === undefined) shared = { build: buildRenderer(), users: 0 };
  shared.users += 1;
  return shared.build;
}

export async function releaseRenderer(): Promise<void> {
  if (provided !== undefined) return;
  if (shared === undefined || --shared.users > 0) return;
  const { build } = shared;
  shared = undefined;
  const { dir } = await build;
  fs.rmSync(dir, { recursive: true, force: true });
}
