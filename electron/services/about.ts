/**
 * Settings › About TSP Desk (settings.info) and "Copy diagnostics" (settings.diagnostics): the
 * app's version, the store's schema version, the rule-set library and the treaty map in use,
 * the platform, and for support the last lines of the diagnostics log, which holds no personal
 * data (electron/diagnostics/redact.ts). Reads only.
 */
import os from 'node:os';
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { allStoredRuleSets } from '../../db/rulesets-repo.ts';
import { treatyMapInForce } from '../../db/treaty-maps-repo.ts';
import type { AboutInfo, Diagnostics } from '../../shared/about-schemas.ts';
import type { AppInfo } from '../../shared/contracts/settings.ts';
import { BUILT_IN_TREATY_MAP } from '../../shared/treaties/map/built-in/index.ts';
import { BUILT_IN_RULESETS } from '../../shared/treaties/library.ts';
import { nodeShellInfo, type ShellInfo } from '../diagnostics/shell-info.ts';
import { todayOf, type ServiceContext } from './context.ts';

/** How many lines of the log "Copy diagnostics" copies. */
export const DIAGNOSTICS_LOG_LINES = 200;

let fingerprint: string | undefined;

/** The built-in rule-set library's fingerprint: the same rules, the same fingerprint. */
function libraryFingerprint(): string {
  fingerprint ??= sha256Hex(canonicalJson(BUILT_IN_RULESETS)).slice(0, 12);
  return fingerprint;
}

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function aboutInfo(ctx: ServiceContext, shell: ShellInfo = nodeShellInfo()): AboutInfo {
  const stored = treatyMapInForce(ctx.db, todayOf(ctx));
  return {
    appVersion: shell.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    ruleSets: { builtIn: BUILT_IN_RULESETS.length, fingerprint: libraryFingerprint(), stored: allStoredRuleSets(ctx.db).length },
    treatyMap: { builtIn: BUILT_IN_TREATY_MAP.version, inForce: stored?.version ?? BUILT_IN_TREATY_MAP.version, stored: stored !== undefined },
    platform: shell.platform,
    runtime: shell.runtime,
  };
}

export function appInfo(ctx: ServiceContext, shell?: ShellInfo): AppInfo {
  return { dataFile: ctx.db.name, ...aboutInfo(ctx, shell) };
}

const homed = (file: string, home: string | undefined) => (home ? file.split(home).join('~') : file);

/** The text "Copy diagnostics" copies: English, for whoever supports the app. */
export function diagnostics(ctx: ServiceContext, shell: ShellInfo = nodeShellInfo()): Diagnostics {
  const about = aboutInfo(ctx, shell);
  const home = shell.home ?? os.homedir();
  const logFile = shell.log === null ? null : homed(shell.log.file, home);
  const lines = shell.log?.tail(DIAGNOSTICS_LOG_LINES) ?? [];
  const text = [
    `TSP Desk ${about.appVersion}`,
    `Store schema: ${about.schemaVersion}`,
    `Rule-set library: ${about.ruleSets.builtIn} built-in (fingerprint ${about.ruleSets.fingerprint}); ${about.ruleSets.stored} stored versions`,
    `Treaty map: ${about.treatyMap.inForce} in force (${about.treatyMap.stored ? 'stored' : 'built-in'}); built-in ${about.treatyMap.builtIn}`,
    `Platform: ${about.platform}; ${about.runtime}`,
    `Copied: ${ctx.clock().toISOString()}`,
    `Log: ${logFile ?? 'none (this window writes no log)'}`,
    '',
    `Last ${lines.length} log lines:`,
    ...lines,
  ].join('\n');
  return { text, logFile };
}
