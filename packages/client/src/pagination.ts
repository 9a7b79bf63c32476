import type { Metadata, Profile } from '@insightiq/profiles-types';
import { ProfilesError } from './errors.js';
import type { WithResponse } from './internal/request.js';
import { checkInteger } from './internal/rules.js';

/**
 * One page of `GET /v1/profiles`. `hasNextPage()` says whether another may follow (the API sends no
 * total: a page shorter than `limit` is the last), `getNextPage()` fetches it.
 */
export class Page {
  /** The profiles of this page. */
  readonly data: Profile[];
  /** The offset and limit the page was read with. */
  readonly metadata: Metadata;
  /** The `request-id` header of the response. */
  readonly requestId: string | undefined;
  readonly #next: (() => Promise<WithResponse<Page>>) | undefined;

  constructor(
    body: { data: Profile[]; metadata: Metadata },
    requestId: string | undefined,
    next: (() => Promise<WithResponse<Page>>) | undefined,
  ) {
    this.data = body.data;
    this.metadata = body.metadata;
    this.requestId = requestId;
    this.#next = next;
  }

  /** Whether a next page may follow: this page is full (`limit` long). */
  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** Fetches the next page (rejects when `hasNextPage()` is false). */
  async getNextPage(): Promise<Page> {
    if (!this.#next)
      throw new ProfilesError('There is no next page: this page is the last (shorter than limit).');
    return (await this.#next()).data;
  }
}

/**
 * A call's result: `await` it for the parsed body, or call `withResponse()` for the body together
 * with the HTTP response and its request id. The request is sent on the first `await`,
 * `withResponse()` or iteration, once.
 */
export class ApiPromise<T> implements PromiseLike<T> {
  #run: () => Promise<WithResponse<T>>;
  #result: Promise<WithResponse<T>> | undefined;

  constructor(run: () => Promise<WithResponse<T>>) {
    this.#run = run;
  }

  /** The parsed body together with the response and its `request-id`. */
  withResponse(): Promise<WithResponse<T>> {
    this.#result ??= this.#run();
    return this.#result;
  }

  // biome-ignore lint/suspicious/noThenProperty: an ApiPromise is awaitable by design.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.withResponse().then(
      onFulfilled ? (r) => onFulfilled(r.data) : (r) => r.data as unknown as A,
      onRejected,
    );
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}

/**
 * The result of `client.profiles.list()`. `await` it for the first page; `for await` over it for
 * every profile across pages; `iterPages()` for the pages; `toArray({ max })` to collect.
 */
export class PagePromise extends ApiPromise<Page> implements AsyncIterable<Profile> {
  readonly #maxItems: number;

  constructor(first: () => Promise<WithResponse<Page>>, maxItems = Number.POSITIVE_INFINITY) {
    super(first);
    this.#maxItems = maxItems;
  }

  /** Yields each page in turn, starting with this one, until the last page or `maxItems`. */
  async *iterPages(): AsyncGenerator<Page, void, undefined> {
    let left = this.#maxItems;
    if (left <= 0) return;
    let page: Page = (await this.withResponse()).data;
    for (;;) {
      const shown =
        page.data.length > left
          ? new Page({ ...page, data: page.data.slice(0, left) }, page.requestId, undefined)
          : page;
      left -= shown.data.length;
      yield shown;
      if (!page.hasNextPage() || left <= 0) return;
      page = await page.getNextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Profile, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  /**
   * Every profile across pages, in one array, at most `max` of them (default 1000), so that a
   * forgotten filter cannot load a whole account into memory.
   */
  async toArray({ max = 1000 }: { max?: number } = {}): Promise<Profile[]> {
    checkInteger('max', max, 0);
    const all: Profile[] = [];
    for await (const page of this.iterPages()) {
      all.push(...page.data.slice(0, max - all.length));
      if (all.length >= max) break;
    }
    return all;
  }
}
