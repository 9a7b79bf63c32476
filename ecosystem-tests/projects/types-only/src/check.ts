// The types package alone, as a consumer's type-only import (the runner copies this file to
// src/cjs.cts, src/esm.mts and src/bundler.ts, checked under node16, nodenext and bundler).
import type { ErrorBody, ListProfilesQuery, Profile, ProfileList, paths } from '@insightiq/profiles-types';

type ListResponse = paths['/v1/profiles']['get']['responses'][200]['content']['application/json'];

export const query: ListProfilesQuery = { limit: 10, offset: 0 };
// @ts-expect-error limit is a number, not a string
export const badQuery: ListProfilesQuery = { limit: '10' };

export function firstName(list: ProfileList | ListResponse): string | null | undefined {
  const first: Profile | undefined = list.data[0];
  return first?.full_name;
}

export function code(body: ErrorBody): string {
  return body.error.error_code;
}
