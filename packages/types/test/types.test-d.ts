import { describe, expectTypeOf, it } from 'vitest';
import type {
  ErrorBody,
  Gender,
  ListProfilesQuery,
  Profile,
  ProfileList,
  paths,
  Reputation,
  WorkExperience,
} from '../src/index.js';
import { referenceSample } from './fixtures/reference-sample.js';

describe('generated types', () => {
  it("accept the API's own sample as a ProfileList", () => {
    expectTypeOf(referenceSample.data[3].gender).toEqualTypeOf<'MALE'>();
    expectTypeOf(referenceSample).toExtend<ProfileList>();
    const list: ProfileList = referenceSample;
    expectTypeOf(list.data).toEqualTypeOf<Profile[]>();
  });

  it('type the enum, nullable and optional fields', () => {
    expectTypeOf<Gender>().toEqualTypeOf<'MALE' | 'FEMALE' | 'OTHER' | 'UNSPECIFIED' | null>();
    expectTypeOf<Profile['gender']>().toEqualTypeOf<Gender>();
    expectTypeOf<Profile['id']>().toEqualTypeOf<string>();
    expectTypeOf<Profile['country']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Profile['date_of_birth']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<Reputation['follower_count']>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<Profile['work_experiences']>>().toEqualTypeOf<WorkExperience[]>();
    expectTypeOf<ErrorBody['error']['http_status_code']>().toEqualTypeOf<number>();
  });

  it('type the query parameters', () => {
    expectTypeOf<ListProfilesQuery>().toEqualTypeOf<{
      limit?: number;
      offset?: number;
      user_id?: string;
      work_platform_id?: string;
      account_id?: string;
    }>();
    expectTypeOf<paths['/v1/profiles/{id}']['get']['parameters']['path']>().toEqualTypeOf<{ id: string }>();
  });

  it('reject wrong shapes', () => {
    const profile = referenceSample.data[0];
    // @ts-expect-error gender is an enum
    const badGender: Profile = { ...profile, gender: 'MAN' };
    // @ts-expect-error id is required
    const noId: Profile = { ...profile, id: undefined };
    // @ts-expect-error metadata.limit is a number
    const badLimit: ProfileList = { data: [], metadata: { offset: 0, limit: '10' } };
    // @ts-expect-error metadata needs offset
    const noOffset: ProfileList = { data: [], metadata: { limit: 10 } };
    // @ts-expect-error limit is a number
    const badQuery: ListProfilesQuery = { limit: '10' };
    // @ts-expect-error the query has no such key
    const unknownKey: ListProfilesQuery = { page: 2 };
    expectTypeOf([badGender, noId, badLimit, noOffset, badQuery, unknownKey]).toBeArray();
  });
});
