/** For tests of the office store: a database of its own on the server named by TSP_PG_URL, migrated, dropped at the end. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePg } from './office-db.ts';

export interface TestDatabase {
  pool: pg.Pool;
  /** Runs `work` with a client of the pool, released after. */
  withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

export async function testDatabase(serverUrl: string, connections: number): Promise<TestDatabase> {
  const name = `tsp_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: connections });
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  await withClient((client) => migratePg(client));
  return {
    pool,
    withClient,
    drop: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
