/**
 * The reliability suite's bookkeeping: every attack is a test of one of two kinds, and each
 * file tallies them into `tests/reliability/out/<file>.json` (`npx tsx tests/reliability/summary.ts`
 * adds them up):
 *   - a bad input: refused cleanly (exit 2 or `invalid_input`, a message naming what is wrong,
 *     the store unchanged, no hang);
 *   - a fault injected (a full disk, a lock held, a damaged file, a read-only medium, a kill):
 *     survived with nothing lost (a clear one-line failure or the work done, the store intact).
 * Each has a time limit; code that may hang runs in a Sandbox (sandbox.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, it } from 'vitest';

export type AttackKind = 'bad-input' | 'fault';

interface Outcome {
  kind: AttackKind;
  name: string;
  passed: boolean;
}

export const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

/** The attack tests of one file; their outcomes are written when the file is done. */
export function reliabilitySuite(testFile: string) {
  const outcomes: Outcome[] = [];
  afterAll(() => {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIR, `${path.basename(fileURLToPath(testFile), '.test.ts')}.json`), `${JSON.stringify(outcomes, null, 1)}\n`);
  });
  const attack = (kind: AttackKind) => (name: string, body: () => unknown, timeoutMs = 30_000) =>
    it(
      name,
      async () => {
        try {
          await body();
          outcomes.push({ kind, name, passed: true });
        } catch (error) {
          outcomes.push({ kind, name, passed: false });
          throw error;
        }
      },
      timeoutMs,
    );
  return { badInput: attack('bad-input'), fault: attack('fault') };
}
