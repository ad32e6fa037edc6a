import { DixaMalformedResponseError, DixaPaginationError } from "./errors.js";

/** One page as Dixa sends it: items in `data`, the next page named by `meta.next`. */
export interface PageBody<Item> {
  data?: Item[] | undefined;
  meta?: { next?: string | undefined; previous?: string | undefined } | undefined;
}

export interface Page<Item> {
  items: Item[];
  /** The `pageKey` this page was fetched with (undefined for the first page). */
  pageKey: string | undefined;
  /** `meta.next` as the server sent it, when there is a next page. */
  next: string | undefined;
}

/** Fetches one page; `pageKey` is undefined for the first page. */
export type PageFetcher<Item> = (pageKey: string | undefined) => Promise<PageBody<Item>>;

/**
 * The value a list method returns for a paged endpoint. Nothing is requested until iteration
 * starts; pages are fetched one at a time as they are consumed, so memory holds one page.
 *
 * ```ts
 * for await (const agent of client.agents.list()) { ... }
 * for await (const page of client.agents.list().pages()) { ... }
 * const first250 = await client.agents.list().toArray({ max: 250 });
 * ```
 */
export class Paginated<Item> implements AsyncIterable<Item> {
  constructor(
    private readonly fetchPage: PageFetcher<Item>,
    private readonly describe: { method: string; pathTemplate: string },
  ) {}

  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    const seen = new Set<string>();
    let pageKey: string | undefined;
    let count = 0;
    for (;;) {
      const body = await this.fetchPage(pageKey);
      count++;
      const items = this.itemsOf(body);
      const next = body?.meta?.next ?? undefined;
      yield { items, pageKey, next };
      if (next === undefined || next === "") return;
      const nextKey = this.pageKeyOf(next);
      if (seen.has(nextKey) || nextKey === pageKey) {
        throw new DixaPaginationError(
          `${this.describe.method} ${this.describe.pathTemplate}: the server repeated a pageKey after ${count} page(s); stopping instead of looping`,
          count,
        );
      }
      if (pageKey !== undefined) seen.add(pageKey);
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

  private itemsOf(body: PageBody<Item> | undefined): Item[] {
    const data = body?.data;
    if (data === undefined) return [];
    if (!Array.isArray(data)) {
      throw new DixaMalformedResponseError(
        this.describe.method,
        this.describe.pathTemplate,
        200,
        "a page whose `data` is not a list",
      );
    }
    return data;
  }

  /** `meta.next` is a URL (usually relative) that carries the opaque pageKey; we only read it. */
  private pageKeyOf(next: string): string {
    let key: string | null = null;
    try {
      key = new URL(next, "https://placeholder.invalid").searchParams.get("pageKey");
    } catch {
      key = null;
    }
    if (key === null || key === "") {
      throw new DixaMalformedResponseError(
        this.describe.method,
        this.describe.pathTemplate,
        200,
        "a `meta.next` link that carries no pageKey",
      );
    }
    return key;
  }
}
