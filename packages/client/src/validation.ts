import type { ListProfilesQuery } from '@insightiq/profiles-types';
import { ValidationError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws a ValidationError unless `value` is a UUID. */
export function checkUuid(param: string, value: unknown): void {
  if (typeof value !== 'string' || !UUID.test(value))
    throw new ValidationError(param, 'must be a UUID', value);
}

/** Throws a ValidationError unless `value` is an integer within [min, max]. */
export function checkInteger(
  param: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw new ValidationError(
      param,
      max === Number.MAX_SAFE_INTEGER
        ? `must be an integer >= ${min}`
        : `must be an integer between ${min} and ${max}`,
      value,
    );
  }
}

/** Checks the query of `GET /v1/profiles` against the contract's bounds and formats. */
export function checkListQuery(query: ListProfilesQuery): void {
  if (query.limit !== undefined) checkInteger('limit', query.limit, 1, 100);
  if (query.offset !== undefined) checkInteger('offset', query.offset, 0);
  for (const key of ['user_id', 'work_platform_id', 'account_id'] as const) {
    if (query[key] !== undefined) checkUuid(key, query[key]);
  }
}
