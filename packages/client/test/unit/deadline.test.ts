import { defaultMaxListeners, getMaxListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError } from '../../src/index.js';
import { Deadline, GRAIN_MS } from '../../src/internal/deadline.js';
import { hangingFetch, ID, testClient } from '../helpers.js';

/** Timers that keep this process alive. */
const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

const expiry = () => {
  let expired!: (reason: Error) => void;
  const reason = new Promise<Error>((resolve) => {
    expired = resolve;
  });
  let at: number | undefined;
  return {
    onExpire: (r: Error) => {
      at = performance.now();
      expired(r);
    },
    reason,
    expiredAt: () => at,
  };
};

// The clock is vitest's: `performance.now()` moves only when a test advances it, so which slot a
// deadline falls in, and when it fires, never depend on the machine's speed or load.
afterEach(() => {
  vi.useRealTimers();
});

describe('shared attempt deadlines', () => {
  it('attempts ending in the same slot share one deadline, which ends them all at their timeout, never before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const started = performance.now();
    const a = expiry();
    const b = expiry();
    const first = Deadline.start(40, a.onExpire);
    await vi.advanceTimersByTimeAsync(1); // a millisecond later, still the same slot
    const second = Deadline.start(39, b.onExpire);
    expect(second).toBe(first);

    await vi.advanceTimersByTimeAsync(38); // 39 ms after the first start
    expect(first.signal.aborted).toBe(false);
    expect(a.expiredAt()).toBeUndefined();

    await vi.advanceTimersByTimeAsync(GRAIN_MS);
    const [reasonA, reasonB] = await Promise.all([a.reason, b.reason]);
    const endedAfter = (a.expiredAt() as number) - started;
    expect(endedAfter).toBeGreaterThanOrEqual(40);
    expect(endedAfter).toBeLessThanOrEqual(40 + GRAIN_MS);
    expect(b.expiredAt()).toBe(a.expiredAt());
    expect(reasonA).toBe(reasonB);
    expect(reasonA.message).toBe('timeout');
    expect(first.signal.aborted).toBe(true);
    expect(first.signal.reason).toBe(reasonA);
  });

  it('attempts ending in different slots get different deadlines', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const a = expiry();
    const b = expiry();
    const first = Deadline.start(40, a.onExpire);
    const later = Deadline.start(40 + GRAIN_MS, b.onExpire);
    expect(later).not.toBe(first);
    first.end(a.onExpire);
    later.end(b.onExpire);
  });

  it('a later attempt gets a later deadline, never an expired one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const a = expiry();
    const first = Deadline.start(20, a.onExpire);
    await vi.advanceTimersByTimeAsync(20 + GRAIN_MS);
    await a.reason;
    const b = expiry();
    const next = Deadline.start(20, b.onExpire);
    expect(next).not.toBe(first);
    expect(next.signal.aborted).toBe(false);
    next.end(b.onExpire);
  });

  it('calls back only the attempts still running', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const running = expiry();
    let endedCalled = false;
    const onEnded = () => {
      endedCalled = true;
    };
    const deadline = Deadline.start(2 * GRAIN_MS, onEnded);
    expect(Deadline.start(2 * GRAIN_MS, running.onExpire)).toBe(deadline);
    deadline.end(onEnded);
    await vi.advanceTimersByTimeAsync(3 * GRAIN_MS);
    await running.reason;
    expect(endedCalled).toBe(false);
  });

  it('keeps the process alive only while an attempt waits', () => {
    // A frozen clock (both starts share a slot) with Node's real timers, which the process counts.
    vi.useFakeTimers({ toFake: ['performance'] });
    const idle = refTimers();
    const onExpire = () => {};
    const deadline = Deadline.start(60_000, onExpire);
    expect(refTimers()).toBe(idle + 1);
    const other = () => {};
    expect(Deadline.start(60_000, other)).toBe(deadline);
    deadline.end(onExpire);
    expect(refTimers()).toBe(idle + 1);
    deadline.end(other);
    expect(refTimers()).toBe(idle);
  });

  it('leaves its listener limit as Node sets it, which undici reads on every request', () => {
    // A limit of 0 makes getMaxListeners() throw, and undici would catch that on every request.
    const onExpire = () => {};
    const deadline = Deadline.start(60_000, onExpire);
    expect(getMaxListeners(deadline.signal)).toBe(defaultMaxListeners);
    deadline.end(onExpire);
  });
});

describe('timeouts through the client', () => {
  it('concurrent calls with the same timeout each time out, and each fetch is aborted', async () => {
    const { fetch, signals } = hangingFetch();
    const client = testClient(fetch, { timeoutMs: 30, maxRetries: 0 });
    const errors = await Promise.all([1, 2, 3].map(() => client.profiles.get(ID).catch((e: unknown) => e)));
    for (const error of errors) expect(error).toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('with a caller’s signal, the fetch gets a signal of its own, aborted by the timeout', async () => {
    const { fetch, signals } = hangingFetch();
    const caller = new AbortController();
    const error = await testClient(fetch, { timeoutMs: 30, maxRetries: 0 })
      .profiles.get(ID, { signal: caller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(signals[0]).not.toBe(caller.signal);
    expect(signals[0]?.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });
});
