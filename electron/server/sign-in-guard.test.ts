/**
 * The office server's sign-in guard: per-source and per-(name, source) records swept as attempts
 * come, and the whole server's pace of sign-ins.
 */
import { describe, expect, it } from 'vitest';
import { createSignInGuard, signInSource, type SignInGuardOptions } from './sign-in-guard.ts';

const T0 = Date.parse('2026-12-08T09:00:00.000Z');

function guardAt(options: Partial<SignInGuardOptions> = {}) {
  let now = T0;
  const waits: number[] = [];
  const guard = createSignInGuard({
    perMinute: 10, sourceLockAfter: 5, sourceLockMinutes: 15, perSecond: 4, maxWaiting: 2,
    clock: () => new Date(now), sleep: async (ms) => void waits.push(ms), ...options,
  });
  return { guard, waits, advance: (ms: number) => (now += ms) };
}

describe('the sign-in guard', () => {
  it('forgets the sources of failed attempts a minute on, at the next attempt, without anyone signing in', () => {
    const { guard, advance } = guardAt();
    for (let i = 0; i < 1_000; i++) guard.admit(`10.1.${i >> 8}.${i & 255}`);
    expect(guard.size().sources).toBe(1_000);
    advance(59_000);
    guard.admit('10.9.9.9');
    expect(guard.size().sources).toBe(1_001);
    advance(2_000); // 61 s after the first thousand
    guard.admit('10.9.9.9');
    expect(guard.size().sources).toBe(1);
  });

  it('forgets failures to names after the stop time, and keeps a stop while it lasts', () => {
    const { guard, advance } = guardAt();
    for (let i = 0; i < 500; i++) guard.record('10.0.0.1', `Name ${i}`, 'failed');
    for (let i = 0; i < 5; i++) guard.record('10.0.0.2', 'Officer Lee', 'failed'); // stopped until T0 + 15 min
    expect(guard.size().names).toBe(501);
    advance(15 * 60_000);
    guard.admit('10.0.0.3');
    expect(guard.size().names).toBe(0);
    expect(guard.stoppedFor('10.0.0.2', 'OFFICER LEE')).toBeNull();

    for (let i = 0; i < 5; i++) guard.record('10.0.0.2', 'Officer Lee', 'failed'); // stopped until T0 + 30 min
    advance(14 * 60_000);
    guard.admit('10.0.0.3');
    expect(guard.stoppedFor('::ffff:10.0.0.2', 'officer lee')).toBe(1);
    expect(guard.size().names).toBe(1);
  });

  it('counts failures in a row: a sign-in clears them, and so does a quarter of an hour without one', () => {
    const { guard, advance } = guardAt();
    const fail = (n: number) => Array.from({ length: n }, () => guard.record('10.0.0.1', 'Officer Lee', 'failed'));
    fail(4);
    guard.record('10.0.0.1', 'Officer Lee', 'signed-in');
    fail(4);
    expect(guard.stoppedFor('10.0.0.1', 'Officer Lee')).toBeNull();
    advance(15 * 60_000);
    fail(4);
    expect(guard.stoppedFor('10.0.0.1', 'Officer Lee')).toBeNull();
    fail(1);
    expect(guard.stoppedFor('10.0.0.1', 'Officer Lee')).toBe(15);
    // Another source, and another name from the same one, are not stopped.
    expect(guard.stoppedFor('10.0.0.2', 'Officer Lee')).toBeNull();
    expect(guard.stoppedFor('10.0.0.1', 'Officer Wong')).toBeNull();
  });

  it('starts sign-ins at most perSecond a second over the server, and refuses at once those beyond maxWaiting', async () => {
    const { guard, waits } = guardAt({ perSecond: 4, maxWaiting: 2 });
    // sleep resolves at once here, so the turns are taken one after another, each reserving a quarter of a second.
    const turns = [guard.turn(), guard.turn(), guard.turn()];
    expect(await Promise.all(turns)).toEqual([true, true, true]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(200);
    expect(waits[1]).toBeGreaterThan(450);
    const { guard: busy } = guardAt({ perSecond: 4, maxWaiting: 1, sleep: () => new Promise(() => undefined) });
    void busy.turn(); // at once
    void busy.turn(); // waits, for ever here
    expect(await busy.turn()).toBe(false);
  });

  it('counts an IPv4 address however written, and an IPv6 address by its /64', () => {
    expect(signInSource('::FFFF:10.0.0.5')).toBe('10.0.0.5');
    expect(signInSource('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(signInSource('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(signInSource('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
