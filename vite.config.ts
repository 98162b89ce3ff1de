import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/csp.ts';

/** Writes the CSP into the built page only: the dev server's live reload needs what the policy forbids. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'tsp-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }],
  };
}

const BOOT = path.resolve(import.meta.dirname, 'renderer/boot.ts');

/**
 * Gives renderer/boot.ts (its own entry) its own script tag, before the app's, async: the
 * browser runs it as soon as its few hundred bytes are in, without waiting for the rest of
 * the code or the stylesheet (the app's chunk imports it, so it always runs first).
 */
function bootScriptFirst(): Plugin {
  return {
    name: 'tsp-boot-script-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const boot = Object.values(bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId === BOOT);
        if (boot === undefined) throw new Error('renderer/boot.ts is missing from the bundle');
        const at = html.indexOf('<script type="module"');
        if (at < 0) throw new Error('index.html has no module script');
        return `${html.slice(0, at)}<script type="module" async crossorigin src="./${boot.fileName}"></script>\n    ${html.slice(at)}`;
      },
    },
  };
}

const CASE_SCREEN = path.resolve(import.meta.dirname, 'renderer/case/CaseScreen.tsx');

/**
 * Lists the case screen's code (its chunk and the chunks it imports) as modulepreload links
 * in index.html, where the list usually leads: the browser fetches them with the app's own,
 * and renderer/screens.tsx's preload finds them there, so adding them later never costs the
 * window's main thread while the list's first rows are on their way.
 */
function caseScreenPreloaded(): Plugin {
  return {
    name: 'tsp-case-screen-preloaded',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
        const caseScreen = chunks.find((c) => c.facadeModuleId === CASE_SCREEN);
        if (caseScreen === undefined) throw new Error('renderer/case/CaseScreen.tsx is missing from the bundle');
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) add(imported);
        };
        add(caseScreen.fileName);
        const links = [...files].filter((f) => !html.includes(`./${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`);
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

// The renderer: built to dist/ and loaded from file:// by Electron (hence relative paths).
// Each screen is its own chunk (React.lazy in App.tsx); React, which every screen needs, is
// one more, so that a screen's chunk holds only the screen.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), bootScriptFirst(), caseScreenPreloaded()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { index: path.resolve(import.meta.dirname, 'renderer/index.html'), boot: BOOT },
      output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ }] } },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
