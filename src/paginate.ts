import { DixaPaginationError } from "./errors.js";
import { malformed, pageData, type ParsedAnswer } from "./http/answer-shape.js";
import { SeenPageKeys } from "./seen-page-keys.js";

/** One page as Dixa sends it: items in `data`, the next page named by `meta.next`. */
export interface PageBody<Item> {
  data?: Item[] | undefined;
  meta?: { next?: string | undefined; previous?: string | undefined } | undefined;
}

/** One page of a paged list: what `await list` resolves to, and what `.pages()` yields. */
export interface Page<Item> {
  /** The items of this page (an array). */
  items: Item[];
  /** The `pageKey` this page was fetched with (undefined for the first page of a list). */
  pageKey: string | undefined;
  /** True when another page follows. */
  hasNextPage: boolean;
  /**
   * The key to continue from, absent on the last page: save it, and
   * `list({ ...query, pageKey: nextPageKey })` later starts with the page after this one.
   */
  nextPageKey: string | undefined;
  /** `meta.next` as the server sent it, when there is a next page. */
  next: string | undefined;
}

/** Fetches one page; `pageKey` is undefined for the first page of a list started afresh. */
export type PageFetcher = (pageKey: string | undefined) => Promise<ParsedAnswer>;

/**
 * What a list method returns for a paged endpoint. Unlike an unpaged list (`notes.list`, an
 * array), it is a lazy value over Dixa's pages:
 * - `await` it for the first page, a {@link Page} with `items`, `hasNextPage` and the
 *   `nextPageKey` to continue from (`then`, `catch` and `finally` work as a Promise's, and it
 *   is typed as a `Promise<Page<Item>>`, though `instanceof Promise` is false);
 * - `for await` it for every item, fetched page by page as the loop consumes them (one page in
 *   memory; `break` stops fetching);
 * - `.pages()` for the pages themselves, `.toArray({ max })` for the items in one array.
 *
 * Nothing is requested until you await or iterate. A list given a saved `pageKey`
 * (`list({ ...query, pageKey })`) starts from that page, so an interrupted sync can resume.
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * const dixa = createDixaClient({ apiKey: process.env.DIXA_API_KEY! });
 *
 * const first = await dixa.agents.list({ pageLimit: 50 }); // first.items: Agent[]
 * for await (const agent of dixa.agents.list()) console.log(agent.id);
 * for await (const page of dixa.agents.list().pages()) console.log(page.items.length);
 * const first250 = await dixa.agents.list().toArray({ max: 250 });
 * ```
 */
export class Paginated<Item> implements AsyncIterable<Item>, Promise<Page<Item>> {
  private firstPage: Promise<Page<Item>> | undefined;

  /**
   * Made by the list methods.
   * @param startKey A `pageKey` saved from an earlier listing: the first page fetched.
   */
  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly describe: { method: string; pathTemplate: string },
    private readonly startKey?: string,
  ) {}

  /**
   * Awaiting a paged list resolves to its first page (fetched once per list value, however often
   * it is awaited).
   */
  then<R1 = Page<Item>, R2 = never>(
    onfulfilled?: ((page: Page<Item>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.first().then(onfulfilled, onrejected);
  }

  /** As `Promise.prototype.catch`, on the first page (fetched once, as for `then`). */
  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<Page<Item> | R> {
    return this.first().catch(onrejected);
  }

  /** As `Promise.prototype.finally`, on the first page (fetched once, as for `then`). */
  finally(onfinally?: (() => void) | null): Promise<Page<Item>> {
    return this.first().finally(onfinally);
  }

  /** Typed as a Promise, which has one; `Object.prototype.toString` reads `[object Paginated]`. */
  get [Symbol.toStringTag](): string {
    return "Paginated";
  }

  private first(): Promise<Page<Item>> {
    this.firstPage ??= this.fetchOne(this.startKey);
    return this.firstPage;
  }

  /**
   * The pages, one at a time. A server that hands back a `pageKey` it gave before raises
   * DixaPaginationError instead of looping; to tell, only a digest of each key is kept (a
   * bounded set of hashes), so one page is in memory however long the keys.
   */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    const seen = new SeenPageKeys();
    let pageKey = this.startKey;
    if (pageKey !== undefined) seen.add(pageKey);
    for (let count = 1; ; count++) {
      const page = await this.fetchOne(pageKey);
      yield page;
      const nextKey = page.nextPageKey;
      if (nextKey === undefined) return;
      if (nextKey === pageKey || !seen.add(nextKey)) {
        throw new DixaPaginationError(
          `${this.describe.method} ${this.describe.pathTemplate}: the server repeated a pageKey after ${count} page(s); stopping instead of looping`,
          count,
        );
      }
      pageKey = nextKey;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item (or the first `max`), fetching no page beyond what is needed. */
  async toArray(options: { max?: number } = {}): Promise<Item[]> {
    const max = options.max ?? Infinity;
    if (!(max >= 0))
      throw new TypeError(`max must be a non-negative number, got ${String(options.max)}`);
    const items: Item[] = [];
    if (max === 0) return items;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        items.push(item);
        if (items.length >= max) return items;
      }
    }
    return items;
  }

  private async fetchOne(pageKey: string | undefined): Promise<Page<Item>> {
    const answer = await this.fetchPage(pageKey);
    const { items, next } = pageData(answer, this.describe);
    const nextPageKey = next === undefined ? undefined : this.pageKeyOf(next, answer);
    return {
      items: items as Item[],
      pageKey,
      hasNextPage: nextPageKey !== undefined,
      nextPageKey,
      next,
    };
  }

  /** `meta.next` is a URL (usually relative) that carries the opaque pageKey; we only read it. */
  private pageKeyOf(next: string, answer: ParsedAnswer): string {
    let key: string | null = null;
    try {
      key = new URL(next, "https://placeholder.invalid").searchParams.get("pageKey");
    } catch {
      key = null;
    }
    if (key === null || key === "") {
      throw malformed(answer, this.describe, "a `meta.next` link that carries no pageKey");
    }
    return key;
  }
}
