import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/index.js';
import { ID, json, page, profile, RID, stubFetch, testClient } from '../helpers.js';

const offsetsOf = (requests: Request[]) => requests.map((r) => new URL(r.url).searchParams.get('offset'));

describe('list()', () => {
  it('awaiting gives the first page with data, metadata and requestId', async () => {
    const { fetch, requests } = stubFetch(page(0, 10));
    const first = await testClient(fetch).profiles.list({ limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.metadata).toEqual({ offset: 0, limit: 10 });
    expect(first.requestId).toBe(RID);
    expect(requests).toHaveLength(1);
  });

  it('sends the query as the contract names it', async () => {
    const { fetch, requests } = stubFetch(page(14, 0, 7));
    await testClient(fetch).profiles.list({
      limit: 7,
      offset: 14,
      user_id: RID,
      work_platform_id: ID,
      account_id: RID,
    });
    const url = new URL(requests[0]?.url as string);
    expect(url.origin + url.pathname).toBe('https://api.test/v1/profiles');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: '7',
      offset: '14',
      user_id: RID,
      work_platform_id: ID,
      account_id: RID,
    });
  });

  it('iterating 10, 10 and 3 items yields 23 profiles in order, none twice', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 10), page(20, 3));
    const ids: string[] = [];
    for await (const p of testClient(fetch).profiles.list()) ids.push(p.id);
    expect(ids).toEqual(Array.from({ length: 23 }, (_, i) => profile(i).id));
    expect(new Set(ids).size).toBe(23);
    expect(offsetsOf(requests)).toEqual(['0', '10', '20']);
  });

  it('20 items with limit 10 ends after one empty page', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 10), page(20, 0));
    const ids: string[] = [];
    for await (const p of testClient(fetch).profiles.list({ limit: 10 })) ids.push(p.id);
    expect(ids).toHaveLength(20);
    expect(requests).toHaveLength(3);
  });

  it('starts at query.offset and advances by each page length', async () => {
    const { fetch, requests } = stubFetch(page(5, 4, 4), page(9, 4, 4), page(13, 1, 4));
    const ids: string[] = [];
    for await (const p of testClient(fetch).profiles.list({ offset: 5, limit: 4 })) ids.push(p.id);
    expect(ids).toEqual(Array.from({ length: 9 }, (_, i) => profile(5 + i).id));
    expect(offsetsOf(requests)).toEqual(['5', '9', '13']);
  });

  it('iterPages() yields pages, and reuses an awaited first page', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 2));
    const list = testClient(fetch).profiles.list();
    const first = await list;
    const sizes: number[] = [];
    for await (const p of list.iterPages()) sizes.push(p.data.length);
    expect(first.data).toHaveLength(10);
    expect(sizes).toEqual([10, 2]);
    expect(requests).toHaveLength(2);
  });

  it('maxItems bounds the iteration and fetches no page beyond it', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 10), page(20, 10));
    const ids: string[] = [];
    for await (const p of testClient(fetch).profiles.list({}, { maxItems: 15 })) ids.push(p.id);
    expect(ids).toHaveLength(15);
    expect(requests).toHaveLength(2);
    const exact = stubFetch(page(0, 10), page(10, 10));
    let n = 0;
    for await (const _ of testClient(exact.fetch).profiles.list({}, { maxItems: 10 })) n++;
    expect([n, exact.requests.length]).toEqual([10, 1]);
  });

  it('breaking out of the loop stops fetching', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 10));
    for await (const p of testClient(fetch).profiles.list()) if (p) break;
    expect(requests).toHaveLength(1);
  });

  it('withResponse() gives the page with the HTTP response', async () => {
    const { fetch } = stubFetch(page(0, 3));
    const { data, response, requestId } = await testClient(fetch).profiles.list().withResponse();
    expect([data.data.length, response.status, requestId]).toEqual([3, 200, RID]);
  });
});

describe('get()', () => {
  it('resolves to the profile, and withResponse() to the profile with its request id', async () => {
    const { fetch, requests } = stubFetch(json(200, profile(1)));
    const client = testClient(fetch);
    expect((await client.profiles.get(ID)).id).toBe(profile(1).id);
    const { data, requestId, response } = await client.profiles.get(ID).withResponse();
    expect([data.id, requestId, response.status]).toEqual([profile(1).id, RID, 200]);
    expect(requests[0]?.url).toBe(`https://api.test/v1/profiles/${ID}`);
  });

  it('sends the request once however often it is awaited', async () => {
    const { fetch, requests } = stubFetch(json(200, profile(1)));
    const call = testClient(fetch).profiles.get(ID);
    await call;
    await call;
    await call.withResponse();
    expect(requests).toHaveLength(1);
  });
});

describe('the awaited page', () => {
  it('hasNextPage() and getNextPage() walk the pages; the last one says so', async () => {
    const { fetch, requests } = stubFetch(page(0, 2, 2), page(2, 1, 2));
    const first = await testClient(fetch).profiles.list({ limit: 2 });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data.map((p) => p.id)).toEqual([profile(2).id]);
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow('There is no next page');
    expect(offsetsOf(requests)).toEqual(['0', '2']);
  });
});

describe('toArray()', () => {
  it('collects every profile across pages', async () => {
    const { fetch } = stubFetch(page(0, 10), page(10, 4));
    const all = await testClient(fetch).profiles.list().toArray();
    expect(all.map((p) => p.id)).toEqual(Array.from({ length: 14 }, (_, i) => profile(i).id));
  });

  it('stops at max, 1000 by default, and fetches no page beyond it', async () => {
    const { fetch, requests } = stubFetch((request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      return page(offset, 100, 100);
    });
    expect(await testClient(fetch).profiles.list({ limit: 100 }).toArray()).toHaveLength(1000);
    expect(requests).toHaveLength(10);
    expect(await testClient(fetch).profiles.list({ limit: 100 }).toArray({ max: 150 })).toHaveLength(150);
    expect(requests).toHaveLength(12);
  });

  it('refuses a max that is not a count', async () => {
    const { fetch, requests } = stubFetch(page(0, 1));
    await expect(testClient(fetch).profiles.list().toArray({ max: -1 })).rejects.toThrow(
      'Invalid max: must be an integer >= 0 (got -1).',
    );
    expect(requests).toHaveLength(0);
  });
});

describe('a server that ignores paging', () => {
  it('ends iteration with a clear error when the offset is not the one asked for (no endless loop)', async () => {
    // What Prism's examples mode does: the same ten profiles, offset 0, whatever is asked.
    const { fetch, requests } = stubFetch(page(0, 10));
    const ids: string[] = [];
    const error = await (async () => {
      for await (const p of testClient(fetch).profiles.list()) ids.push(p.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(
      'the server ignored paging: asked for offset 10 and limit 10, got offset 0 and 10 profiles',
    );
    expect(ids).toHaveLength(10);
    expect(requests).toHaveLength(2);
  });

  it('refuses a page longer than limit', async () => {
    const { fetch } = stubFetch(page(0, 10));
    await expect(testClient(fetch).profiles.list({ limit: 5 })).rejects.toThrow(
      'the server ignored paging: asked for offset 0 and limit 5, got offset 0 and 10 profiles',
    );
  });
});
