/**
 * The office server's configuration: a JSON file (`--config FILE`) and the environment, the
 * environment winning (a container or a systemd unit sets it without editing the file).
 *
 *   store               TSP_SERVER_STORE    the office's store file
 *   host                TSP_SERVER_HOST     where to listen (default 127.0.0.1)
 *   port                TSP_SERVER_PORT     (default 8443)
 *   tlsCert, tlsKey     TSP_SERVER_TLS_CERT, TSP_SERVER_TLS_KEY   PEM files; required unless host is loopback
 *   idleMinutes         TSP_SERVER_IDLE_MINUTES      a session ends after this long without a call (30)
 *   maxHours            TSP_SERVER_MAX_HOURS         …and this long after its sign-in at most (12)
 *   signInsPerMinute    TSP_SERVER_SIGNINS_PER_MINUTE  per client address (10)
 *   signInsPerSecond    TSP_SERVER_SIGNINS_PER_SECOND  over the whole server (4; each hashes a password)
 *   accountLockAfter    TSP_SERVER_ACCOUNT_LOCK_AFTER  failed sign-ins in a row, from any addresses, that lock an account (20)
 * The store's key, for an encrypted store, is TSP_DB_KEY, as for the `tsp` command.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { isLoopback } from './protocol.ts';

const positive = z.coerce.number().int().positive();

const configSchema = z
  .object({
    store: z.string({ error: 'give the office’s store file (TSP_SERVER_STORE, or "store" in the file)' }).min(1),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.coerce.number().int().min(1).max(65_535).default(8443),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    idleMinutes: positive.default(30),
    maxHours: positive.default(12),
    signInsPerMinute: positive.default(10),
    signInsPerSecond: positive.default(4),
    // At least the 5 that stop one address: the account never locks before its own address is stopped.
    accountLockAfter: z.coerce.number().int().min(5).max(100).default(20),
  })
  .strict()
  .refine((c) => (c.tlsCert === undefined) === (c.tlsKey === undefined), { message: 'give both tlsCert and tlsKey, or neither' })
  .refine((c) => c.tlsCert !== undefined || isLoopback(c.host), { message: 'TLS is required (tlsCert and tlsKey) unless host is a loopback address' });

export type ServerConfig = z.infer<typeof configSchema>;

const FROM_ENV: Record<string, keyof ServerConfig> = {
  TSP_SERVER_STORE: 'store',
  TSP_SERVER_HOST: 'host',
  TSP_SERVER_PORT: 'port',
  TSP_SERVER_TLS_CERT: 'tlsCert',
  TSP_SERVER_TLS_KEY: 'tlsKey',
  TSP_SERVER_IDLE_MINUTES: 'idleMinutes',
  TSP_SERVER_MAX_HOURS: 'maxHours',
  TSP_SERVER_SIGNINS_PER_MINUTE: 'signInsPerMinute',
  TSP_SERVER_SIGNINS_PER_SECOND: 'signInsPerSecond',
  TSP_SERVER_ACCOUNT_LOCK_AFTER: 'accountLockAfter',
};

/** The configuration file's object, or an error that names the file and what is wrong with it. */
function configFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`the configuration file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`the configuration file ${file} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`the configuration file ${file} holds one JSON object`);
  return value as Record<string, unknown>;
}

/** The configuration from the arguments (`--config FILE`) and the environment; throws with every problem named. */
export function serverConfig(args: readonly string[], env: Record<string, string | undefined>): ServerConfig {
  const at = args.indexOf('--config');
  if (at !== -1 && args[at + 1] === undefined) throw new Error('--config needs a file');
  const merged: Record<string, unknown> = at === -1 ? {} : { ...configFile(args[at + 1]!) };
  for (const [name, key] of Object.entries(FROM_ENV)) if (env[name] !== undefined && env[name] !== '') merged[key] = env[name];
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`the office server's configuration: ${parsed.error.issues.map((i) => `${i.path.length === 0 ? '' : `${i.path.join('.')}: `}${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
