import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/index.js';

describe('parseTimestamp', () => {
  it('reads offset-less timestamps as UTC', () => {
    expect(parseTimestamp('2021-11-08T18:53:18.337805').toISOString()).toBe('2021-11-08T18:53:18.337Z');
    expect(parseTimestamp('2016-01-01T00:00:00').toISOString()).toBe('2016-01-01T00:00:00.000Z');
    expect(parseTimestamp('2016-01-01T00:00:00.5').toISOString()).toBe('2016-01-01T00:00:00.500Z');
  });

  it('honours an explicit offset and passes null through', () => {
    expect(parseTimestamp('2021-11-08T18:53:18+02:00').toISOString()).toBe('2021-11-08T16:53:18.000Z');
    expect(parseTimestamp('2021-11-08T18:53:18Z').toISOString()).toBe('2021-11-08T18:53:18.000Z');
    expect(parseTimestamp(null)).toBeNull();
    expect(parseTimestamp(undefined)).toBeNull();
  });

  it.each(['yesterday', '2021-11-08', '2021-13-08T00:00:00', '2021-11-08 18:53:18', ''])(
    'throws for %j',
    (value) => {
      expect(() => parseTimestamp(value)).toThrow(RangeError);
    },
  );
});
