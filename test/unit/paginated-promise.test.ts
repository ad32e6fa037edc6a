/**
 * `Paginated` (what a paged `list()` returns) is used as a Promise of its first page: `then`,
 * `catch` and `finally` settle exactly as a real Promise's do for the same outcome, each fetches
 * the first page once per list value, and nothing is fetched before one of them is called.
 * Types: test/types/paginated.types.test.ts.
 */
import { describe, expect, it } from "vitest";
import { Paginated, type Page, type PageFetcher } from "../../src/paginate.js";

const operation = { method: "GET", pathTemplate: "/beta/agents" };
const failure = new Error("Dixa answered 503");
const body = { data: [{ id: "a" }], meta: { next: "/beta/agents?pageKey=k2" } };
const page: Page<{ id: string }> = {
  items: [{ id: "a" }],
  pageKey: undefined,
  hasNextPage: true,
  nextPageKey: "k2",
  next: "/beta/agents?pageKey=k2",
};

/** A list whose first page comes (or fails) as `outcome` says, counting its fetches. */
function list(outcome: "fulfilled" | "rejected") {
  const fetched: (string | undefined)[] = [];
  const fetchPage: PageFetcher = async (pageKey) => {
    fetched.push(pageKey);
    if (outcome === "rejected") throw failure;
    return { status: 200, body };
  };
  return { paginated: new Paginated<{ id: string }>(fetchPage, operation), fetched };
}

type Thenable = Promise<Page<{ id: string }>> | Paginated<{ id: string }>;
const later = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Each case: what is done to the awaitable, and what its callbacks saw (to compare too). */
const cases: [string, (p: Thenable, seen: unknown[]) => Promise<unknown>][] = [
  ["catch(recover)", (p, seen) => p.catch((reason) => (seen.push(reason), "recovered"))],
  ["catch(throw)", (p) => p.catch(() => Promise.reject(new Error("handler failed")))],
  ["catch(null)", (p) => p.catch(null)],
  ["catch()", (p) => p.catch()],
  ["catch(not a function)", (p) => p.catch("x" as never)],
  ["then(undefined, recover)", (p) => p.then(undefined, () => "recovered")],
  ["finally(fn)", (p, seen) => p.finally((...args: unknown[]) => void seen.push(args))],
  ["finally(returns a value)", (p) => p.finally((() => "ignored") as () => void)],
  [
    "finally(throws)",
    (p) =>
      p.finally(() => {
        throw new Error("cleanup failed");
      }),
  ],
  [
    "finally(rejects later)",
    (p) => p.finally((() => later().then(() => Promise.reject(new Error("late")))) as () => void),
  ],
  [
    "finally(waits)",
    (p, seen) => p.finally((() => later().then(() => seen.push("waited"))) as () => void),
  ],
  ["finally(null)", (p) => p.finally(null)],
  ["finally()", (p) => p.finally()],
  ["finally(not a function)", (p) => p.finally(42 as never)],
  [
    "catch then finally",
    (p, seen) => p.catch(() => "recovered").finally(() => void seen.push("done")),
  ],
];

describe.each(["fulfilled", "rejected"] as const)("a first page that is %s", (outcome) => {
  it.each(cases)("%s settles as a Promise's does", async (_, use) => {
    const real = outcome === "fulfilled" ? Promise.resolve(page) : Promise.reject(failure);
    real.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const { paginated, fetched } = list(outcome);
    const seenReal: unknown[] = [];
    const seenPaginated: unknown[] = [];
    const [expected] = await Promise.allSettled([use(real, seenReal)]);
    const [actual] = await Promise.allSettled([use(paginated, seenPaginated)]);
    expect(actual).toEqual(expected);
    expect(seenPaginated).toEqual(seenReal);
    expect(fetched).toEqual([undefined]);
  });
});

describe("the first page is fetched once, and only when asked for", () => {
  it("catch, finally and then share one fetch; nothing is fetched before", async () => {
    const { paginated, fetched } = list("fulfilled");
    expect(fetched).toEqual([]);
    const results = await Promise.all([
      paginated.catch(() => undefined),
      paginated.finally(() => undefined),
      paginated,
    ]);
    expect(results).toEqual([page, page, page]);
    expect(fetched).toEqual([undefined]);
  });

  it("each returns a real Promise, and the value reads as a Paginated", () => {
    const { paginated } = list("fulfilled");
    expect(paginated.catch(() => undefined)).toBeInstanceOf(Promise);
    expect(paginated.finally()).toBeInstanceOf(Promise);
    expect(paginated).not.toBeInstanceOf(Promise);
    expect(Object.prototype.toString.call(paginated)).toBe("[object Paginated]");
  });
});
