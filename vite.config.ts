import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built to dist/ and loaded from file:// by Electron (hence relative paths).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
