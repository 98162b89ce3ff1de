/**
 * `tsp-server`: runs the office server (electron/server/office-server.ts) on the configured store
 * until SIGTERM or SIGINT, then closes the store (its audit head anchored, as the app does).
 *   npm run server -- --config /etc/tsp-server.json
 * docs/office-server.md: configuration, TLS, first administrator, systemd unit, container.
 */
import fs from 'node:fs';
import { parseKeyText } from '../../db/encryption.ts';
import { openApp } from '../app.ts';
import { serverConfig } from './config.ts';
import { createOfficeServer } from './office-server.ts';

async function main(): Promise<void> {
  const config = serverConfig(process.argv.slice(2), process.env);
  const keyText = process.env.TSP_DB_KEY;
  const app = openApp({ file: config.store, osUser: 'tsp-server', signIn: 'password', key: keyText === undefined || keyText === '' ? undefined : parseKeyText(keyText) });
  const server = createOfficeServer({
    db: app.db,
    host: config.host,
    tls: config.tlsCert === undefined || config.tlsKey === undefined ? undefined : { cert: fs.readFileSync(config.tlsCert), key: fs.readFileSync(config.tlsKey) },
    idleMinutes: config.idleMinutes,
    maxHours: config.maxHours,
    signInsPerMinute: config.signInsPerMinute,
    signInsPerSecond: config.signInsPerSecond,
    accountLockAfter: config.accountLockAfter,
  });
  const stop = async () => {
    await server.close();
    app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const address = await server.listen({ host: config.host, port: config.port });
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event: 'listening', address })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`tsp-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
