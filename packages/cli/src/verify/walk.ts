import type { Profile } from '@insightiq/profiles-client';
import type { Exchange, Send } from './exchange.js';

/** The pages of the walk, and what the checks read of them. */
export interface Walk {
  /** The pages, from offset 0, until a short page, an error answer or `maxPages`. */
  pages: Exchange[];
  /** The page after a short one (it should be empty). */
  after?: Exchange | undefined;
  /** Why the walk stopped early: a request that failed. */
  error?: Error | undefined;
  /** Every profile listed, in order. */
  profiles: unknown[];
  /** The first listed profile with an id: the filters and `get` ask for it. */
  first?: Profile | undefined;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const idOf = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id : undefined);

/** The profiles of a page (none when its body is not a list). */
export const pageData = (p: Exchange): unknown[] => {
  const data = isObject(p.body) ? p.body.data : undefined;
  return Array.isArray(data) ? data : [];
};

/** Walks the list: pages of `limit` from offset 0 until a short page or `maxPages`. */
export async function walkPages(send: Send, limit: number, maxPages: number): Promise<Walk> {
  const pages: Exchange[] = [];
  let after: Exchange | undefined;
  let error: Error | undefined;
  try {
    for (let offset = 0; pages.length < maxPages; offset += limit) {
      const page = await send('list', { limit, offset });
      pages.push(page);
      const data = isObject(page.body) ? page.body.data : undefined;
      if (page.status !== 200 || !Array.isArray(data)) break;
      if (data.length < limit) {
        after = await send('list', { limit, offset: offset + limit });
        break;
      }
    }
  } catch (e) {
    error = e as Error;
  }
  const profiles = pages.flatMap(pageData);
  const first = profiles.find((p): p is Profile => idOf(p) !== undefined);
  return { pages, after, error, profiles, first };
}
