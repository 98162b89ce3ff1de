/**
 * What the office server checks before a sign-in reaches the store (issue 22), three limits an
 * attacker on the network meets first:
 *
 * - **Per source** (`perMinute`): at most so many attempts a minute from one client (an IPv4
 *   address however written, or an IPv6 /64: signInSource), answered HTTP 429.
 * - **Per account and source** (`sourceLockAfter`): that many failed sign-ins in a row to one
 *   name from one source stop that source's sign-ins to that name for `sourceLockMinutes`. The
 *   store's own lock of the whole account (electron/services/session.ts) then comes only after
 *   more failures from several sources (the server's `accountLockAfter`), so that one person on
 *   the network can no longer lock any officer whose name they know out of the office: the
 *   NIST SP 800-63B §5.2.2 trade-off, decided for the server (docs/office-server.md).
 * - **For the whole server** (`perSecond`, `maxWaiting`): a sign-in hashes its password with
 *   scrypt (about 100 ms of the server's one thread). Sign-ins start at most `perSecond` a second,
 *   the others wait their turn while the officers' other calls are answered; more than
 *   `maxWaiting` waiting are refused at once (HTTP 503), so that many sources together can take at
 *   most that share of the thread.
 *
 * The records of sources and names are swept once a minute as attempts come, so failed attempts
 * from many sources do not pile up in memory.
 */
import { isIPv6 } from 'node:net';

export interface SignInGuardOptions {
  /** Sign-in attempts one source may make in a minute. */
  perMinute: number;
  /** Failed sign-ins in a row to one name from one source that stop that source's sign-ins to it… */
  sourceLockAfter: number;
  /** …for this many minutes. */
  sourceLockMinutes: number;
  /** Sign-ins started a second, over the whole server. */
  perSecond: number;
  /** Sign-ins that may wait for their turn; more are refused. */
  maxWaiting: number;
  /** The time of the limits per source and name (the server's clock). */
  clock: () => Date;
  /** Waits `ms` of real time (default setTimeout): the pace of the whole server is real time, whatever the clock says. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

export interface SignInGuard {
  /** Whether this source may try a sign-in now; counts the attempt. */
  admit(ip: string): boolean;
  /** The minutes left while this source's sign-ins to this name are stopped; null when they are not. */
  stoppedFor(ip: string, name: string): number | null;
  /** Records how a sign-in to this name from this source ended: a failure counts, a success clears. */
  record(ip: string, name: string, outcome: 'failed' | 'signed-in'): void;
  /** Waits for this sign-in's turn; false (at once) when too many wait already. */
  turn(): Promise<boolean>;
  /** What the guard holds: sources and (source, name) records. */
  size(): { sources: number; names: number };
}

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.5`, as a server listening on "::" sees IPv4 clients) as the IPv4 address it is. */
export const unmapped = (address: string) => /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;

/**
 * Whose sign-in attempts count together: an IPv4 address, however written (a server listening on
 * "::" sees it as IPv4-mapped IPv6), or an IPv6 address's /64 network, any address of which one
 * machine may take for each attempt.
 */
export function signInSource(address: string): string {
  const plain = unmapped(address.split('%')[0]!.toLowerCase());
  if (!isIPv6(plain)) return plain;
  // Eight groups: an embedded IPv4 tail as two, "::" as the zero groups it stands for.
  const hex = plain.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) => `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`);
  const [head = '', tail] = hex.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

const MINUTE = 60_000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface NameRecord {
  failures: number;
  last: number;
  stoppedUntil: number | null;
}

export function createSignInGuard(options: SignInGuardOptions): SignInGuard {
  const { clock } = options;
  const sleep = options.sleep ?? defaultSleep;
  const attempts = new Map<string, number[]>();
  const names = new Map<string, NameRecord>();
  const lockMs = options.sourceLockMinutes * MINUTE;
  let sweptAt = clock().getTime();
  // The whole server's pace, in real time: when the next sign-in may start, and how many wait.
  const gap = 1000 / options.perSecond;
  let nextStart = 0;
  let waiting = 0;

  // A name as the store matches it (without regard to case), counted per source.
  const nameKey = (ip: string, name: string) => `${signInSource(ip)}\n${name.normalize('NFKC').toLowerCase()}`;
  const stopped = (r: NameRecord, now: number) => r.stoppedUntil !== null && r.stoppedUntil > now;

  function sweep(now: number): void {
    sweptAt = now;
    for (const [source, times] of attempts) if (times.every((t) => now - t >= MINUTE)) attempts.delete(source);
    for (const [key, r] of names) if (!stopped(r, now) && now - r.last >= lockMs) names.delete(key);
  }

  return {
    admit(ip) {
      const now = clock().getTime();
      if (now - sweptAt >= MINUTE) sweep(now);
      const source = signInSource(ip);
      const recent = (attempts.get(source) ?? []).filter((t) => now - t < MINUTE);
      const admitted = recent.length < options.perMinute;
      if (admitted) recent.push(now);
      attempts.set(source, recent);
      return admitted;
    },
    stoppedFor(ip, name) {
      const now = clock().getTime();
      const r = names.get(nameKey(ip, name));
      return r === undefined || !stopped(r, now) ? null : Math.max(1, Math.ceil((r.stoppedUntil! - now) / MINUTE));
    },
    record(ip, name, outcome) {
      const key = nameKey(ip, name);
      if (outcome === 'signed-in') {
        names.delete(key);
        return;
      }
      const now = clock().getTime();
      const r = names.get(key);
      // A stop that has run out, or failures long past, start the count again.
      const failures = r === undefined || r.stoppedUntil !== null || now - r.last >= lockMs ? 1 : r.failures + 1;
      names.set(key, { failures, last: now, stoppedUntil: failures >= options.sourceLockAfter ? now + lockMs : null });
    },
    async turn() {
      if (waiting >= options.maxWaiting) return false;
      const now = performance.now();
      const start = Math.max(now, nextStart);
      nextStart = start + gap;
      if (start <= now) return true;
      waiting += 1;
      try {
        await sleep(start - now);
      } finally {
        waiting -= 1;
      }
      return true;
    },
    size: () => ({ sources: attempts.size, names: names.size }),
  };
}
