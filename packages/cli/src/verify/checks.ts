import { escapePointer } from '@insightiq/profiles-spec/validate';
import { type OperationId, ruleOf } from '../contract.js';
import { type Exchange, type Send, violationAt } from './exchange.js';
import type { Violation } from './types.js';
import { idOf, isObject, pageData, type Walk } from './walk.js';

/** What a check's `run` sees: the options, the sender, the contract checker, and the walk. */
export interface VerifyContext {
  limit: number;
  maxPages: number;
  send: Send;
  /** The violations of an answer against the contract (the spec's `validateResponse`). */
  conform(operationId: OperationId, ex: Exchange): Violation[];
  /** The walk of the list, made once, by the first check that asks for it. */
  walk(): Promise<Walk>;
}

/** What a check found: its violations (none: passed), or why it was skipped. */
export type Outcome = Violation[] | { skipped: string };

/** One check of `verify`: the README's check table and `verify --help` list these, in this order. */
export interface Check {
  /** Stable id, in reports: `list-conforms`. */
  id: string;
  /** The operation of the contract the check calls (the auth checks call the list). */
  operationId: 'listProfiles' | 'getProfile';
  /** What it asks, as reports show it: `list: every page conforms to the contract`. */
  title: string;
  run(context: VerifyContext): Promise<Outcome>;
}

/** An id no deployment holds: the 404 check asks for it. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The pointers at which two JSON values differ (at most `max`). */
export function differences(a: unknown, b: unknown, pointer = '', out: string[] = [], max = 10): string[] {
  if (out.length >= max) return out;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key], b[key], `${pointer}/${escapePointer(key)}`, out, max);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      differences(a[i], b[i], `${pointer}/${i}`, out, max);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(pointer || '/');
  }
  return out;
}

const expectStatus = (ex: Exchange, status: number): Violation[] =>
  ex.status === status ? [] : [violationAt(ex, '/status', `is ${ex.status}, expected ${status}`)];

/** The walk, or the error that stopped it (the check then fails with it). */
async function walked(context: VerifyContext): Promise<Walk> {
  const walk = await context.walk();
  if (walk.error) throw walk.error;
  return walk;
}

/** A list request that must get `status`, with the contract's answer for that status. */
const answers =
  (status: number, send: (c: VerifyContext) => Promise<Exchange>) =>
  async (context: VerifyContext): Promise<Outcome> => {
    const ex = await send(context);
    return [...expectStatus(ex, status), ...context.conform('listProfiles', ex)];
  };

const repeatedIds = ({ pages }: Walk): Violation[] => {
  const seen = new Map<string, number>();
  const violations: Violation[] = [];
  pages.forEach((p, i) => {
    pageData(p).forEach((profile, j) => {
      const id = idOf(profile);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined && first !== i)
        violations.push(violationAt(p, `/body/data/${j}/id`, `repeats an id of page ${first + 1}`));
      seen.set(id, first ?? i);
    });
  });
  return violations;
};

const metadataEchoes = ({ pages }: Walk, limit: number): Violation[] =>
  pages.flatMap((p, i) => {
    const metadata = isObject(p.body) && isObject(p.body.metadata) ? p.body.metadata : undefined;
    if (p.status !== 200 || !metadata) return [];
    const want = { offset: i * limit, limit };
    return (['offset', 'limit'] as const)
      .filter((k) => metadata[k] !== want[k])
      .map((k) =>
        violationAt(p, `/body/metadata/${k}`, `is ${JSON.stringify(metadata[k])}, expected ${want[k]}`),
      );
  });

const shortPageEnds = async (context: VerifyContext): Promise<Outcome> => {
  const walk = await context.walk();
  if (!walk.error && !walk.after)
    return {
      skipped:
        walk.pages.length >= context.maxPages
          ? `no short page within --max-pages ${context.maxPages}: the walk stopped there`
          : 'the walk ended on an error',
    };
  const { after } = await walked(context);
  const n = pageData(after as Exchange).length;
  return n === 0
    ? []
    : [violationAt(after as Exchange, '/body/data', `has ${n} profiles after a short page`)];
};

type Filter = 'user_id' | 'work_platform_id' | 'account_id';
const FILTERS: Record<Filter, (p: unknown) => unknown> = {
  user_id: (p) => (isObject(p) && isObject(p.user) ? p.user.id : undefined),
  work_platform_id: (p) => (isObject(p) && isObject(p.work_platform) ? p.work_platform.id : undefined),
  account_id: (p) => (isObject(p) && isObject(p.account) ? p.account.id : undefined),
};

/** Each filter, with the first profile's value, returns only matching profiles, that one included. */
const filterCheck = (filter: Filter): Check => ({
  id: `filter-${filter.replace(/_/g, '-')}`,
  operationId: 'listProfiles',
  title: `list: ${filter} returns only the profiles it names`,
  async run(context) {
    const { first } = await context.walk();
    const value = first && FILTERS[filter](first);
    if (!first || typeof value !== 'string')
      return { skipped: first ? `the first profile has no ${filter}` : 'no profile was listed' };
    const ex = await context.send('list', { limit: context.limit, [filter]: value });
    const violations = [...expectStatus(ex, 200), ...context.conform('listProfiles', ex)];
    const data = pageData(ex);
    data.forEach((profile, j) => {
      const got = FILTERS[filter](profile);
      if (typeof got !== 'string' || got.toLowerCase() !== value.toLowerCase())
        violations.push(
          violationAt(
            ex,
            `/body/data/${j}`,
            `has ${filter.replace(/_id$/, '')}.id ${JSON.stringify(got)}, not ${value}`,
          ),
        );
    });
    if (ex.status === 200 && !data.some((p) => idOf(p) === first.id) && data.length < context.limit)
      violations.push(violationAt(ex, '/body/data', `lacks profile ${first.id}, which has this ${filter}`));
    return violations;
  },
});

const getListed = async (context: VerifyContext): Promise<Outcome> => {
  const { first } = await context.walk();
  if (!first) return { skipped: 'no profile was listed' };
  const ex = await context.send('get', first.id);
  const violations = [...expectStatus(ex, 200), ...context.conform('getProfile', ex)];
  if (ex.status !== 200 || ex.body === undefined) return violations;
  for (const pointer of differences(ex.body, first))
    violations.push(
      violationAt(ex, `/body${pointer === '/' ? '' : pointer}`, 'differs from the listed profile'),
    );
  return violations;
};

/** A `limit` out of the contract's bounds (one below its minimum, one above its maximum) gets a 400. */
const limitCheck = (side: 'minimum' | 'maximum'): Check => {
  const bound = ruleOf('listProfiles', 'limit')[side];
  const bad = bound === undefined ? undefined : side === 'minimum' ? bound - 1 : bound + 1;
  return {
    id: `list-limit-${side === 'minimum' ? 'below' : 'above'}`,
    operationId: 'listProfiles',
    title: `list: limit=${bad ?? `beyond its ${side}`} is a 400 with the error body`,
    run: (context) =>
      bad === undefined
        ? Promise.resolve({ skipped: `the contract sets no ${side} of limit` })
        : answers(400, (c) => c.send('list', { limit: bad }))(context),
  };
};

/** The checks of `verify`, in the order they run. */
export const CHECKS: readonly Check[] = [
  {
    id: 'list-conforms',
    operationId: 'listProfiles',
    title: 'list: every page conforms to the contract',
    async run(context) {
      const { pages, after } = await walked(context);
      return [...pages, ...(after ? [after] : [])].flatMap((p) => [
        ...expectStatus(p, 200),
        ...context.conform('listProfiles', p),
      ]);
    },
  },
  {
    id: 'list-limit',
    operationId: 'listProfiles',
    title: 'list: no page holds more than limit profiles',
    async run(context) {
      const { pages } = await walked(context);
      const { limit } = context;
      return pages
        .filter((p) => pageData(p).length > limit)
        .map((p) =>
          violationAt(p, '/body/data', `has ${pageData(p).length} profiles, more than limit=${limit}`),
        );
    },
  },
  {
    id: 'list-metadata',
    operationId: 'listProfiles',
    title: 'list: metadata echoes offset and limit',
    run: async (context) => metadataEchoes(await walked(context), context.limit),
  },
  {
    id: 'list-no-repeats',
    operationId: 'listProfiles',
    title: 'list: no profile appears on two pages',
    run: async (context) => repeatedIds(await walked(context)),
  },
  {
    id: 'list-short-page-ends',
    operationId: 'listProfiles',
    title: 'list: a short page ends the walk (the next page is empty)',
    run: shortPageEnds,
  },
  filterCheck('user_id'),
  filterCheck('work_platform_id'),
  filterCheck('account_id'),
  {
    id: 'get-listed',
    operationId: 'getProfile',
    title: 'get: a listed profile, by id, equals the listed one',
    run: getListed,
  },
  {
    id: 'get-unknown',
    operationId: 'getProfile',
    title: 'get: an unknown id is a 404 with the error body',
    async run(context) {
      const ex = await context.send('get', UNKNOWN_ID);
      return [...expectStatus(ex, 404), ...context.conform('getProfile', ex)];
    },
  },
  limitCheck('minimum'),
  limitCheck('maximum'),
  {
    id: 'auth-none',
    operationId: 'listProfiles',
    title: 'auth: no credentials get a 401',
    run: answers(401, (c) => c.send('list', { limit: 1 }, { authorization: null })),
  },
  {
    id: 'auth-wrong',
    operationId: 'listProfiles',
    title: 'auth: wrong credentials get a 401',
    run: answers(401, (c) => {
      const wrong = `insightiq-verify-wrong-id:${crypto.randomUUID()}`;
      return c.send('list', { limit: 1 }, { authorization: `Basic ${btoa(wrong)}` });
    }),
  },
];
