import type { Metadata, Profile } from '@insightiq/profiles-types';
import type { WithResponse } from './request.js';

/** One page of `GET /v1/profiles`. */
export interface Page {
  /** The profiles of this page. */
  data: Profile[];
  /** The offset and limit the page was read with. */
  metadata: Metadata;
  /** The `request-id` header of the response. */
  requestId: string | undefined;
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
 * every profile across pages; `iterPages()` for the pages. The API sends no total: iteration
 * advances the offset by each page's length and ends after the first page shorter than `limit`.
 */
export class PagePromise extends ApiPromise<Page> implements AsyncIterable<Profile> {
  #fetchPage: (offset: number) => Promise<WithResponse<Page>>;
  #offset: number;
  #limit: number;
  #maxItems: number;

  constructor(
    fetchPage: (offset: number) => Promise<WithResponse<Page>>,
    offset: number,
    limit: number,
    maxItems: number,
  ) {
    super(() => fetchPage(offset));
    this.#fetchPage = fetchPage;
    this.#offset = offset;
    this.#limit = limit;
    this.#maxItems = maxItems;
  }

  /** Yields each page in turn, starting with this one, until a short page or `maxItems`. */
  async *iterPages(): AsyncGenerator<Page, void, undefined> {
    let offset = this.#offset;
    let left = this.#maxItems;
    if (left <= 0) return;
    let page = (await this.withResponse()).data;
    for (;;) {
      const length = page.data.length;
      if (length > left) page = { ...page, data: page.data.slice(0, left) };
      left -= page.data.length;
      yield page;
      if (length < this.#limit || left <= 0) return;
      offset += length;
      page = (await this.#fetchPage(offset)).data;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Profile, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}
