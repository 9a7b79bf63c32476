const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses one of the API's timestamps into a `Date`. The API sends ISO 8601 date-times without an
 * offset (`2021-11-08T18:53:18.337805`) that mean UTC; `new Date()` would read them as local time.
 * Digits past milliseconds are dropped. An explicit `Z` or offset is honoured.
 * Returns `null` for `null`/`undefined`; throws a `RangeError` for anything that is not a timestamp.
 */
export function parseTimestamp(value: string): Date;
export function parseTimestamp(value: string | null | undefined): Date | null;
export function parseTimestamp(value: string | null | undefined): Date | null {
  if (value == null) return null;
  const m = TIMESTAMP.exec(value);
  const date =
    m &&
    new Date(
      `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${(m[7] ?? '').padEnd(3, '0').slice(0, 3)}${m[8] ?? 'Z'}`,
    );
  if (!date || Number.isNaN(date.getTime()))
    throw new RangeError(`Not an InsightIQ timestamp: ${JSON.stringify(value)}`);
  return date;
}
