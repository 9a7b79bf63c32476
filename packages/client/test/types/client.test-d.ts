import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiPromise,
  createProfilesClient,
  type Gender,
  type ListProfilesQuery,
  type Page,
  type PagePromise,
  type Profile,
  type WithResponse,
} from '../../src/index.js';

const client = createProfilesClient({ clientId: 'id', clientSecret: 'secret' });

describe('client types', () => {
  it('types the query keys and values', () => {
    expectTypeOf(client.profiles.list).parameter(0).toEqualTypeOf<ListProfilesQuery | undefined>();
    expectTypeOf<keyof ListProfilesQuery>().toEqualTypeOf<
      'limit' | 'offset' | 'user_id' | 'work_platform_id' | 'account_id'
    >();
    // @ts-expect-error limit is a number
    client.profiles.list({ limit: '10' });
    // @ts-expect-error no such query parameter
    client.profiles.list({ page: 2 });
    // @ts-expect-error get needs an id
    client.profiles.get();
  });

  it('types results, pages and items', async () => {
    expectTypeOf(client.profiles.list()).toEqualTypeOf<PagePromise>();
    expectTypeOf(await client.profiles.list()).toEqualTypeOf<Page>();
    expectTypeOf(client.profiles.get('x')).toEqualTypeOf<ApiPromise<Profile>>();
    expectTypeOf(await client.profiles.get('x').withResponse()).toEqualTypeOf<WithResponse<Profile>>();
    for await (const profile of client.profiles.list()) {
      expectTypeOf(profile).toEqualTypeOf<Profile>();
      expectTypeOf(profile.gender).toEqualTypeOf<Gender>();
      expectTypeOf(profile.gender).toEqualTypeOf<'MALE' | 'FEMALE' | 'OTHER' | 'UNSPECIFIED' | null>();
    }
    for await (const page of client.profiles.list().iterPages())
      expectTypeOf(page.data).toEqualTypeOf<Profile[]>();
  });

  it('rejects unknown paths and wrong params on the raw client', () => {
    // @ts-expect-error unknown path
    client.raw.GET('/v1/users');
    // @ts-expect-error the id is a path parameter of type string
    client.raw.GET('/v1/profiles/{id}', { params: { path: { id: 1 } } });
    expectTypeOf(client.raw.GET).toBeFunction();
  });

  it('types the options', () => {
    // @ts-expect-error unknown environment
    createProfilesClient({ environment: 'prod' });
    // @ts-expect-error maxRetries is a number
    createProfilesClient({ maxRetries: '2' });
  });
});
