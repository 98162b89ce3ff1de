/**
 * The renderer's only door: `window.tsp.invoke(channel, payload)`. Sandboxed preloads can
 * require nothing but `electron`, so this file stays self-contained; the channel list and
 * payload validation live in the main process (electron/router.ts).
 */
// A sandboxed preload is CommonJS: this is the ES-module-free form of `import` there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

contextBridge.exposeInMainWorld('tsp', {
  invoke: (channel: string, payload: unknown): Promise<unknown> => {
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke('tsp:invoke', channel, payload);
  },
});
