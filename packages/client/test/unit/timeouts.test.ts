import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, TimeoutError } from '../../src/index.js';
import { hangingFetch, ID, json, profile, stubFetch, testClient } from '../helpers.js';

/** Timers that keep this process alive (Node's own count, the same on every Node line). */
const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('attempt timeouts: one controller per attempt, one timer for every attempt in flight', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('concurrent calls with the same timeout each time out, and each fetch gets and loses its own signal', async () => {
    const { fetch, signals } = hangingFetch();
    const client = testClient(fetch, { timeoutMs: 30, maxRetries: 0 });
    const errors = await Promise.all([1, 2, 3].map(() => client.profiles.get(ID).catch((e: unknown) => e)));
    for (const error of errors) expect(error).toBeInstanceOf(TimeoutError);
    expect(new Set(signals).size).toBe(3);
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

  it('clears its timer when the attempt ends: a finished call keeps nothing alive', async () => {
    const { fetch } = stubFetch(json(200, profile(1)));
    const idle = refTimers();
    const pending = testClient(fetch, { timeoutMs: 60_000 })
      .profiles.get(ID)
      .then(() => refTimers());
    expect(await pending).toBe(idle);
    expect(refTimers()).toBe(idle);
  });

  it('many concurrent calls sharing one caller signal add one listener to it and warn of nothing', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { fetch } = stubFetch(...Array.from({ length: 50 }, () => json(200, profile(1))));
      const caller = new AbortController();
      const client = testClient(fetch);
      const got = await Promise.all(
        Array.from({ length: 50 }, () => client.profiles.get(ID, { signal: caller.signal })),
      );
      expect(got).toHaveLength(50);
      // A warning is emitted on the next tick: let it arrive before looking.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  it('concurrent attempts with different time limits each end at their own', async () => {
    const { fetch, signals } = hangingFetch();
    const client = testClient(fetch, { maxRetries: 0 });
    const caller = new AbortController();
    const long = client.profiles
      .get(ID, { timeoutMs: 60_000, signal: caller.signal })
      .catch((e: unknown) => e);
    const short = await client.profiles.get(ID, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(TimeoutError);
    expect((short as Error).message).toBe('Request timed out after 30 ms (attempt 1 of 1).');
    // The 60 s attempt outlived the 30 ms one: it is still in flight until its caller aborts it.
    expect(signals.map((s) => s.aborted)).toEqual([false, true]);
    caller.abort();
    expect(await long).toBeInstanceOf(AbortError);
  });

  it('keeps the process alive while an attempt is in flight, and not after', async () => {
    const { fetch } = hangingFetch();
    const idle = refTimers();
    const caller = new AbortController();
    const pending = testClient(fetch, { timeoutMs: 60_000 })
      .profiles.get(ID, { signal: caller.signal })
      .catch((e: unknown) => e);
    expect(refTimers()).toBe(idle + 1);
    caller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(refTimers()).toBe(idle);
  });

  it('runs on a test’s fake timers, and on the real ones again once they are back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const { fetch } = hangingFetch();
    const client = testClient(fetch, { maxRetries: 0 });
    const faked = client.profiles.get(ID, { timeoutMs: 10 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(await faked).toBeInstanceOf(TimeoutError);
    // Leaves an attempt in flight on the fake clock, which never runs again once real timers are
    // back: the next attempt's deadline must not wait on it.
    client.profiles.get(ID, { timeoutMs: 20 }).catch(() => {});
    vi.useRealTimers();
    const real = client.profiles.get(ID, { timeoutMs: 30 }).catch((e: unknown) => e);
    const stuck = new Promise((resolve) => {
      setTimeout(resolve, 10_000, 'no TimeoutError within 10 s: the attempt waited on the fake timer');
    });
    expect(await Promise.race([real, stuck])).toBeInstanceOf(TimeoutError);
  }, 20_000);
});
