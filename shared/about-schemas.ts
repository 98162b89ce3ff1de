/** What Settings › About TSP Desk shows (settings.info) and what "Copy diagnostics" copies (settings.diagnostics). */

export interface AboutInfo {
  /** The app's version (package.json, as packed). */
  appVersion: string;
  /** The store's schema version (SQLite user_version: the number of migrations applied). */
  schemaVersion: number;
  ruleSets: {
    /** Rule-sets built into this version of the app. */
    builtIn: number;
    /** The first 12 hex digits of the SHA-256 of the built-in library (canonical JSON): two apps with the same have the same rules. */
    fingerprint: string;
    /** Versions edited or imported into this store. */
    stored: number;
  };
  treatyMap: {
    /** The version of the map built into this app. */
    builtIn: string;
    /** The version in force today: a stored one, or the built-in one. */
    inForce: string;
    stored: boolean;
  };
  /** "linux x64". */
  platform: string;
  /** "Electron 45.5.0 (Chromium …, Node …)", or "Node 20.20.2" outside Electron. */
  runtime: string;
}

export interface Diagnostics {
  /** Plain text for a support request: the About facts and the last lines of the log (no personal data). */
  text: string;
  /** Where the log is (the home folder written ~), or null where this shell writes none. */
  logFile: string | null;
}
