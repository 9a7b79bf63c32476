import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('computes a value once and keeps it', () => {
    const cache = new BoundedCache<string, number>(2);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('a', compute)).toBe(1);
    expect(calls).toBe(1);
  });

  it('keeps at most max entries, forgetting the oldest first', () => {
    const cache = new BoundedCache<string, string>(2);
    for (const key of ['a', 'b', 'c']) cache.get(key, () => key.toUpperCase());
    expect(cache.size).toBe(2);
    expect(cache.get('c', () => 'again')).toBe('C');
    expect(cache.get('b', () => 'again')).toBe('B');
    expect(cache.get('a', () => 'recomputed')).toBe('recomputed');
  });

  it('keeps undefined as a value, not as a miss', () => {
    const cache = new BoundedCache<string, undefined>(1);
    let calls = 0;
    cache.get('x', () => {
      calls++;
      return undefined;
    });
    cache.get('x', () => {
      calls++;
      return undefined;
    });
    expect(calls).toBe(1);
  });
});
