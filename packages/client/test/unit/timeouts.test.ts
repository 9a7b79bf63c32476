import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../src/index.js';
import { hangingFetch, ID, json, profile, stubFetch, testClient } from '../helpers.js';

/** Timers that keep this process alive (Node's own count, the same on every Node line). */
const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('attempt timeouts: one controller and one timer per attempt', () => {
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
});
