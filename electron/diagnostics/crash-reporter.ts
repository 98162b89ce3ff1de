/**
 * Electron's crash reporter, started before the app is ready (electron/main.ts): a crash of any
 * of the app's processes leaves a minidump in the local crash dumps folder (app.getPath('crashDumps'))
 * for support to ask for. Nothing is uploaded: no server is named and uploadToServer is false.
 * A minidump is a snapshot of a crashed process's memory and can hold case data: it stays on the
 * machine, and Settings › About TSP Desk does not copy it.
 */
export const CRASH_REPORTER_OPTIONS = {
  productName: 'TSP Desk',
  uploadToServer: false,
  submitURL: '',
  compress: true,
} as const;
