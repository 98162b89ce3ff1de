/** Adds up the reliability suite's outcomes (harness.ts): `npx tsx tests/reliability/summary.ts` after a run. */
import fs from 'node:fs';
import path from 'node:path';
import { OUT_DIR } from './harness.ts';

interface Outcome {
  kind: 'bad-input' | 'fault';
  name: string;
  passed: boolean;
}

const files = fs.existsSync(OUT_DIR) ? fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.json')).sort() : [];
const total = { 'bad-input': [0, 0], fault: [0, 0] } as Record<Outcome['kind'], [number, number]>;
for (const file of files) {
  const outcomes = JSON.parse(fs.readFileSync(path.join(OUT_DIR, file), 'utf8')) as Outcome[];
  const count = (kind: Outcome['kind']) => {
    const of = outcomes.filter((o) => o.kind === kind);
    total[kind][0] += of.length;
    total[kind][1] += of.filter((o) => o.passed).length;
    return `${of.filter((o) => o.passed).length}/${of.length}`;
  };
  console.log(`${file.replace(/\.json$/, '').padEnd(28)} bad inputs refused cleanly ${count('bad-input').padStart(7)}   faults survived ${count('fault').padStart(7)}`);
  for (const o of outcomes.filter((x) => !x.passed)) console.log(`    not yet: [${o.kind}] ${o.name}`);
}
console.log(`\nbad inputs tried ${total['bad-input'][0]}, refused cleanly ${total['bad-input'][1]}; faults injected ${total.fault[0]}, survived with nothing lost ${total.fault[1]}`);
