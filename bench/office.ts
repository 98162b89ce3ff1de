/**
 * The office edition under load (issue 22): `tsp-server` (electron/server/, in a process of its
 * own, on loopback) serving a copy of the imported store to simulated officers, each signed in
 * with an account of their own, calling as fast as the server answers for a fixed time with the
 * issue's mix: search 60 % (cases.list with a name), open a case 25 % (cases.get), assess 10 %
 * (assessments.run), record a step 5 % (cases.addNote). Afterwards, with the server stopped: every
 * write answered ok is in the store (its audit entry and its row: no lost write) and the audit
 * chain verifies. Beside each kind's p95, the desk edition's for the same calls (the same store,
 * the router in this process, one officer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { checkAuditChain } from '../db/audit-repo.ts';
import { openDatabase } from '../db/connection.ts';
import { openApp } from '../electron/app.ts';
import { createRouter, type Router } from '../electron/router.ts';
import { SESSION_HEADER } from '../electron/server/protocol.ts';
import { percentile, progress, type Row } from './measure.ts';

const KINDS = ['search', 'open', 'assess', 'step'] as const;
type Kind = (typeof KINDS)[number];
const SHARE: Record<Kind, number> = { search: 0.6, open: 0.25, assess: 0.1, step: 0.05 };
const PASSWORD = 'correct horse battery staple';
const ROOT = path.resolve(import.meta.dirname, '..');

interface Work {
  names: string[];
  caseIds: string[];
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function kindOf(r: number): Kind {
  let sum = 0;
  for (const kind of KINDS) {
    sum += SHARE[kind];
    if (r < sum) return kind;
  }
  return 'step';
}

function call(kind: Kind, work: Work, i: number): [string, unknown] {
  switch (kind) {
    case 'search':
      return ['cases.list', { text: pick(work.names, i * 7), limit: 100 }];
    case 'open':
      return ['cases.get', { id: pick(work.caseIds, i * 13) }];
    case 'assess':
      return ['assessments.run', { caseId: pick(work.caseIds, i * 17) }];
    case 'step':
      return ['cases.addNote', { caseId: pick(work.caseIds, i * 19), text: `Load test: interview ${i} arranged` }];
  }
}

function copyStore(from: string, to: string): void {
  for (const suffix of ['', '-wal', '.audit-key', '.audit-head']) if (fs.existsSync(`${from}${suffix}`)) fs.copyFileSync(`${from}${suffix}`, `${to}${suffix}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server, its sign-in limits lifted: the load is the officers' calls, all signing in at once beforehand from one address. */
function startServer(store: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, TSP_SERVER_STORE: store, TSP_SERVER_PORT: String(port), TSP_SERVER_HOST: '127.0.0.1', TSP_SERVER_SIGNINS_PER_MINUTE: '100000', TSP_SERVER_SIGNINS_PER_SECOND: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`tsp-server stopped (${code}): ${errors}`)));
    child.stdout!.on('data', function listening(chunk: Buffer) {
      if (!chunk.toString().includes('"listening"')) return;
      child.stdout!.off('data', listening);
      child.removeAllListeners('exit');
      // The log of every call is not read here: drained, so that the server never waits on its pipe.
      child.stdout!.resume();
      resolve(child);
    });
  });
}

async function post(base: string, channel: string, payload: unknown, token: string | null): Promise<{ ok: boolean; token: string | null }> {
  const response = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(payload ?? null),
  });
  const body = (await response.json()) as { ok: boolean };
  return { ok: response.status === 200 && body.ok, token: response.headers.get(SESSION_HEADER) };
}

/** The desk edition's p95 of each kind: the same calls through the router in this process, one officer after the other. */
function deskLatencies(router: Router, work: Work, calls: number): Record<Kind, number[]> {
  const out = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  for (let i = 0; i < calls; i++) {
    const kind = kindOf((i * 0.6180339887) % 1);
    const [channel, payload] = call(kind, work, i + 1_000_003);
    const started = performance.now();
    const response = router.dispatch(channel, payload);
    out[kind].push(performance.now() - started);
    if (!response.ok) throw new Error(`desk ${channel}: ${response.error.code} ${response.error.messageKey}`);
  }
  return out;
}

export async function officeBenchmarks(imported: string, dir: string, officers: number, seconds: number): Promise<Row[]> {
  const store = path.join(dir, 'office.sqlite');
  copyStore(imported, store);
  progress(`office: ${officers} officers' accounts on a copy of the imported store`);
  const app = openApp({ file: store, osUser: 'bench' });
  let work: Work;
  let desk: Record<Kind, number[]>;
  const before: { assessments: number; notes: number } = { assessments: 0, notes: 0 };
  try {
    const router = createRouter(app.context);
    for (let i = 1; i <= officers; i++) {
      const made = router.dispatch('users.create', { name: `Load Officer ${i}`, role: 'officer', password: PASSWORD });
      if (!made.ok) throw new Error(`users.create: ${made.error.messageKey}`);
    }
    const names = app.db.prepare("SELECT family_name FROM persons WHERE length(family_name) >= 4 ORDER BY id LIMIT 2000").pluck().all() as string[];
    work = {
      names: names.map((name, i) => name.slice(0, 3 + (i % 3))),
      caseIds: app.db.prepare('SELECT id FROM cases WHERE closed_at IS NULL ORDER BY id LIMIT 5000').pluck().all() as string[],
    };
    progress('office: the desk edition, the same calls in this process');
    desk = deskLatencies(router, work, Math.max(200, officers * 10));
    before.assessments = app.db.prepare('SELECT count(*) FROM assessments').pluck().get() as number;
    before.notes = app.db.prepare('SELECT count(*) FROM case_notes').pluck().get() as number;
  } finally {
    app.close();
  }

  const port = await freePort();
  progress(`office: tsp-server on 127.0.0.1:${port}, ${officers} officers for ${seconds} s`);
  const server = await startServer(store, port);
  const base = `http://127.0.0.1:${port}`;
  const latencies = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const refused: string[] = [];
  const written = { assess: 0, step: 0 };
  try {
    const tokens = await Promise.all(
      Array.from({ length: officers }, async (_, i) => {
        const signedIn = await post(base, 'session.signIn', { name: `Load Officer ${i + 1}`, password: PASSWORD }, null);
        if (!signedIn.ok || signedIn.token === null) throw new Error(`officer ${i + 1} could not sign in`);
        return signedIn.token;
      }),
    );
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      tokens.map(async (token, officer) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const kind = kindOf(((officer * 7919 + i) * 0.6180339887) % 1);
          const [channel, payload] = call(kind, work, officer * 100_003 + i);
          const started = performance.now();
          const answer = await post(base, channel, payload, token);
          latencies[kind].push(performance.now() - started);
          if (!answer.ok) refused.push(channel);
          else if (kind === 'assess' || kind === 'step') written[kind] += 1;
        }
      }),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }

  // With the server stopped: every write it answered is in the store, and the chain holds.
  const db = openDatabase(store);
  let lost: number;
  let chain: string;
  try {
    const assessments = (db.prepare('SELECT count(*) FROM assessments').pluck().get() as number) - before.assessments;
    const notes = (db.prepare('SELECT count(*) FROM case_notes').pluck().get() as number) - before.notes;
    lost = Math.abs(assessments - written.assess) + Math.abs(notes - written.step);
    const report = checkAuditChain(db);
    chain = report.broken === null ? `the audit chain verifies (${report.entries.toLocaleString('en-GB')} entries)` : `the audit chain is broken at entry #${report.broken.seq}`;
    if (report.broken !== null) lost += 1;
  } finally {
    db.close();
  }

  const calls = KINDS.reduce((sum, kind) => sum + latencies[kind].length, 0);
  const p95 = (values: number[]) => percentile([...values].sort((a, b) => a - b), 95);
  const sound = refused.length === 0 && lost === 0;
  const outcome = `${calls.toLocaleString('en-GB')} calls in ${seconds} s (${Math.round(calls / seconds)}/s), ${refused.length} refused${refused.length > 0 ? ` (${[...new Set(refused)].join(', ')})` : ''}, ${written.assess} assessments and ${written.step} notes written, ${lost === 0 ? 'none lost' : `${lost} lost or extra`}; ${chain}.`;
  return KINDS.map((kind) => {
    const [channel] = call(kind, work, 0);
    const ours = p95(latencies[kind]);
    const reference = p95(desk[kind]);
    return {
      metric: `office: p95 of ${kind === 'search' ? 'a name search' : kind === 'open' ? 'opening a case' : kind === 'assess' ? 'an assessment' : 'recording a step (a note)'} (${channel}), ${officers} officers at once, beside the desk edition's`,
      ours: Number(ours.toFixed(2)),
      reference: Number(reference.toFixed(2)),
      ratio: Number((reference / ours).toFixed(3)),
      goal: 'no call refused, no write lost, the chain verifies',
      pass: sound,
      unit: 'ms',
      note: `tsp-server (a process of its own, plain HTTP on loopback) over a copy of the imported store, ${officers} officers each signed in, calling without pause: ${latencies[kind].length.toLocaleString('en-GB')} ${kind} calls of ${outcome} Reference: the desk edition's p95 for the same calls through the router in this process, one officer (${desk[kind].length} calls).`,
    };
  });
}
