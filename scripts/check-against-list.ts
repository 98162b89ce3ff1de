/**
 * The check `check:dead` runs: today's findings against their allow-list
 * (scripts/allow-list.ts). Prints the summary, names the listed findings that have gone (struck
 * off with `--prune`), and fails on a finding the list does not hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareWithAllowList, parseAllowList, withoutGone } from './allow-list.ts';

export interface ListedCheck {
  root: string;
  /** The allow-list file. */
  allowed: string;
  found: readonly string[];
  /** The first line, given how many of the findings are listed. */
  summary: (listed: number) => string;
  /** What a finding is called, e.g. "knip finding(s)". */
  noun: string;
  /** The npm script, for the prune hint. */
  script: string;
  /** What to do with a finding not listed. */
  advice: string;
}

export function checkAgainstList(c: ListedCheck): void {
  const listText = fs.readFileSync(c.allowed, 'utf8');
  const { added, gone } = compareWithAllowList(c.found, parseAllowList(listText));
  const list = path.relative(c.root, c.allowed);
  console.log(c.summary(c.found.length - added.length));
  if (gone.length > 0) {
    if (process.argv.includes('--prune')) {
      fs.writeFileSync(c.allowed, withoutGone(listText, gone));
      console.log(`struck ${gone.length} ${c.noun} that have gone off the list`);
    } else {
      console.log(`${gone.length} listed ${c.noun} have gone: strike them off ${list} (npm run ${c.script} -- --prune):`);
      for (const finding of gone) console.log(`  ${finding}`);
    }
  }
  if (added.length > 0) {
    console.error(`${added.length} ${c.noun} not in the list: ${c.advice} (the list only shrinks):`);
    for (const finding of added) console.error(`  ${finding}`);
    process.exitCode = 1;
  }
}
