/**
 * Which scheduled backups to keep (grandfather–father–son): the newest backup of each of the
 * last `daily` days that have one, of the last `weekly` ISO weeks (Monday to Sunday) and of
 * the last `monthly` months, all in UTC; the newest backup always. Counting days, weeks and
 * months that HAVE a backup, not calendar days back from today, means an app left unused for
 * a while still keeps its older backups. Pure: the scheduler deletes what this leaves out.
 */
import { parseIsoDate } from '../shared/sentence/calendar.ts';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface BackupEntry {
  name: string;
  /** When it was taken, ISO 8601 UTC (`2026-11-29T10:15:00.000Z`). */
  at: string;
}

/** ISO week of a UTC day: day 0 (1970-01-01) was a Thursday, so Monday 1970-01-05 starts week 1. */
const weekOf = (at: string) => String(Math.floor((parseIsoDate(at.slice(0, 10)) + 3) / 7));

function newestPerBucket(sorted: readonly BackupEntry[], bucket: (at: string) => string, count: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const entry of sorted) {
    if (seen.size >= count) break;
    const key = bucket(entry.at);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(entry.name);
  }
  return kept;
}

/** The names to keep, newest first. */
export function backupsToKeep(backups: readonly BackupEntry[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const sorted = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set<string>(sorted.slice(0, 1).map((b) => b.name));
  for (const name of newestPerBucket(sorted, (at) => at.slice(0, 10), policy.daily)) keep.add(name);
  for (const name of newestPerBucket(sorted, weekOf, policy.weekly)) keep.add(name);
  for (const name of newestPerBucket(sorted, (at) => at.slice(0, 7), policy.monthly)) keep.add(name);
  return sorted.filter((b) => keep.has(b.name)).map((b) => b.name);
}
