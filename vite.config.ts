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

// The renderer: built to dist/ and loaded from file:// by Electron (hence relative paths).
// Each screen is its own chunk (React.lazy in App.tsx); React, which every screen needs, is
// one more, so that a screen's chunk holds only the screen.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ }] } },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
