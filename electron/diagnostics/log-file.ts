/**
 * The diagnostics log: a file in the user data folder (logs/tsp-desk.log beside the store's
 * folder contents) where the main process writes its failures (the router's unexpected errors, a
 * backup that failed, a renderer that crashed, an uncaught exception), written by electron-log
 * (its Node entry: no Electron needed, so the CLI's and the tests' processes can use it too).
 *
 * Rotating: past 1 MiB the file becomes tsp-desk.1.log (the older ones move to .2 and .3, the
 * oldest is dropped): at most 4 MiB. Every line goes through redactForLog first: the log holds no
 * personal data, so it can be copied into a support request (Settings › Copy diagnostics).
 */
import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import { redactForLog } from './redact.ts';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'tsp-desk.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_ARCHIVES = 3;

export interface DiagnosticsLog {
  /** The file written now. */
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The last `count` lines, the archives' included when the current file has fewer. */
  tail(count: number): string[];
}

export interface LogOptions {
  /** The user data folder; the log goes to its logs/ folder. */
  dataDir: string;
  /** The user's home folder, written ~ in the paths a stack trace names. */
  home?: string;
  /** Also print each line on the console (npm start); the file only by default. */
  echo?: boolean;
  maxBytes?: number;
}

const archive = (file: string, n: number) => file.replace(/\.log$/, `.${n}.log`);

let opened = 0;

export function openDiagnosticsLog(options: LogOptions): DiagnosticsLog {
  const file = path.join(options.dataDir, LOG_FOLDER, LOG_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const logger = log.create({ logId: `tsp-desk-${++opened}` });
  logger.transports.console.level = options.echo ? 'info' : false;
  const transport = logger.transports.file;
  transport.level = 'info';
  transport.format = '[{iso}] [{level}] {text}';
  transport.resolvePathFn = () => file;
  transport.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  transport.archiveLogFn = (current) => {
    const name = current.toString();
    fs.rmSync(archive(name, LOG_ARCHIVES), { force: true });
    for (let n = LOG_ARCHIVES - 1; n >= 1; n--) if (fs.existsSync(archive(name, n))) fs.renameSync(archive(name, n), archive(name, n + 1));
    fs.renameSync(name, archive(name, 1));
  };
  const clean = (message: string) => redactForLog(message, { home: options.home });
  return {
    file,
    info: (message) => logger.info(clean(message)),
    warn: (message) => logger.warn(clean(message)),
    error: (message) => logger.error(clean(message)),
    tail(count) {
      const lines: string[] = [];
      for (const f of [...Array.from({ length: LOG_ARCHIVES }, (_, i) => archive(file, LOG_ARCHIVES - i)), file]) {
        if (fs.existsSync(f)) lines.push(...fs.readFileSync(f, 'utf8').split(/\r?\n/).filter((l) => l !== ''));
      }
      return lines.slice(-count);
    },
  };
}
