/**
 * De-duplication by `event_id`. Dixa may deliver one event more than once, and a third party
 * reports copies arriving at the same moment, so "have I seen it?" and "now I have" must be one
 * step: of two concurrent calls for one id, exactly one may answer "not seen".
 *
 * The ready handlers (`receiver.fetchHandler`, `receiver.nodeHandler`) use two steps, so that no
 * delivery is lost: `claim` the id for a short lease before handling it, then `complete` it
 * (remembered for the full time to live) once handled, or `forget` it when handling failed, so
 * Dixa's redelivery is handled afresh. A process that dies mid-way leaves only the lease, which
 * runs out. Each claim carries a token of its own, and a release names it: a handler that
 * outlived its lease cannot release the claim another receiver has made since, nor an event
 * already handled.
 */

import { checkToken } from "../shared/claim-token.js";

/** What `claim` found: the id was free (now claimed), is being handled, or was handled. */
export type DixaDedupeClaim = "claimed" | "in-progress" | "done";

/** Where seen event ids are kept: in memory (the default) or shared, e.g. in Redis. */
export interface DixaWebhookDedupeStore {
  /**
   * Records `id` for `ttlMs` milliseconds and tells whether it was already recorded. Must be
   * atomic. With Redis: `SET <prefix><id> 1 NX PX <ttlMs>` answering null means "already seen".
   */
  seen(id: string, ttlMs: number): boolean | Promise<boolean>;
  /**
   * Removes `id`, so a redelivery is processed again: call it when handling the event failed.
   * With `token` (the ready handlers give the one they claimed with), only while `id` holds
   * that claim, in one atomic step (compare-and-delete): the claim may have lapsed and been
   * made again by another receiver, or completed, and neither must be undone. Optional for
   * `isDuplicate`; the ready handlers need it.
   */
  forget?(id: string, token?: string): void | Promise<void>;
  /**
   * Atomically: when `id` is not recorded, records it as being handled, under `token` (unique
   * per claim), for `leaseMs`, and answers "claimed"; otherwise answers what it is. Optional,
   * with `complete`: a store without them is claimed with `seen` for the whole time to live, so
   * a process that dies while handling an event leaves it marked as seen.
   */
  claim?(id: string, leaseMs: number, token: string): DixaDedupeClaim | Promise<DixaDedupeClaim>;
  /**
   * Records `id` as handled for `ttlMs`, whoever holds its claim: the event was handled, so a
   * copy is a duplicate even while a receiver whose claim came later is still at it.
   */
  complete?(id: string, ttlMs: number): void | Promise<void>;
}

/** How long an event id is remembered by default: 24 hours. Dixa documents no redelivery horizon. */
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a claim holds while the event is handled: 5 minutes. Longer than any handler should
 * take (a redelivery after it would be handled again), short enough that an event whose process
 * died mid-way is handled when Dixa redelivers it.
 */
export const DEFAULT_DEDUPE_LEASE_MS = 5 * 60 * 1000;

export interface MemoryDedupeStoreOptions {
  /**
   * Most ids kept (default 100,000, a few MB). Past it, expired ids go first, then those closest
   * to expiry, so memory stays bounded whatever arrives.
   */
  maxEntries?: number;
  /** The clock, in ms (default `Date.now`); for tests. */
  now?: () => number;
}

/** The in-memory store: synchronous, with the number of ids it holds. */
export interface DixaMemoryDedupeStore extends DixaWebhookDedupeStore {
  seen(id: string, ttlMs: number): boolean;
  forget(id: string, token?: string): void;
  claim(id: string, leaseMs: number, token?: string): DixaDedupeClaim;
  complete(id: string, ttlMs: number): void;
  /** How many ids are held now (expired ones may linger until the next call). */
  readonly size: number;
}

interface Entry {
  id: string;
  expiry: number;
  handled: boolean;
  /** The claim's token while it is being handled (see `claim`). */
  token: string | undefined;
  /** Where the entry sits in the heap. */
  index: number;
}

/**
 * An in-memory store for one process. Atomic because every call is synchronous: JavaScript runs
 * it to the end before another delivery's handler gets a turn. Several processes or servers need
 * a shared store instead (`createRedisDedupeStore` of dixa-beta/redis). No timer is kept:
 * expired ids are swept as calls come. Ids sit in a min-heap by expiry, so a call costs
 * O(log n) whatever the mix of times to live.
 */
export function createMemoryDedupeStore(
  options: MemoryDedupeStoreOptions = {},
): DixaMemoryDedupeStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`options.maxEntries must be a positive integer, got ${String(maxEntries)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw new TypeError("options.now must be a function");
  const entries = new Map<string, Entry>();
  const heap = new ExpiryHeap();

  const remove = (entry: Entry) => {
    entries.delete(entry.id);
    heap.remove(entry);
  };
  /** The live entry of `id`, after sweeping what has expired by `time`. */
  const live = (id: string, time: number) => {
    for (let first = heap.first(); first !== undefined && first.expiry <= time;) {
      remove(first);
      first = heap.first();
    }
    return entries.get(id);
  };
  const record = (id: string, expiry: number, handled: boolean, token?: string) => {
    const entry = entries.get(id);
    if (entry !== undefined) {
      entry.handled = handled;
      entry.token = token;
      heap.move(entry, expiry);
      return;
    }
    // Make room first, so the id being recorded is never the one dropped.
    while (entries.size >= maxEntries) remove(heap.first()!);
    const added: Entry = { id, expiry, handled, token, index: -1 };
    entries.set(id, added);
    heap.add(added);
  };

  return {
    seen(id, ttlMs) {
      checkArguments(id, ttlMs, "ttlMs");
      const time = now();
      if (live(id, time) !== undefined) return true;
      record(id, time + ttlMs, true);
      return false;
    },
    claim(id, leaseMs, token) {
      checkArguments(id, leaseMs, "leaseMs");
      checkToken(token);
      const time = now();
      const entry = live(id, time);
      if (entry !== undefined) return entry.handled ? "done" : "in-progress";
      record(id, time + leaseMs, false, token);
      return "claimed";
    },
    complete(id, ttlMs) {
      checkArguments(id, ttlMs, "ttlMs");
      record(id, now() + ttlMs, true);
    },
    forget(id, token) {
      checkToken(token);
      const entry = entries.get(id);
      if (entry === undefined) return;
      if (token === undefined || (!entry.handled && entry.token === token)) remove(entry);
    },
    get size() {
      return entries.size;
    },
  };
}

function checkArguments(id: unknown, ms: unknown, name: string): void {
  if (typeof id !== "string" || id === "") {
    throw new TypeError(`id must be a non-empty string (an event_id), got ${typeof id}`);
  }
  if (typeof ms !== "number" || !(ms > 0)) {
    throw new TypeError(`${name} must be a positive number of milliseconds, got ${String(ms)}`);
  }
}

/** A binary min-heap of entries by expiry; each entry knows its index, so any can move or go. */
class ExpiryHeap {
  readonly #items: Entry[] = [];

  first(): Entry | undefined {
    return this.#items[0];
  }

  add(entry: Entry): void {
    entry.index = this.#items.length;
    this.#items.push(entry);
    this.#up(entry.index);
  }

  move(entry: Entry, expiry: number): void {
    entry.expiry = expiry;
    this.#down(this.#up(entry.index));
  }

  remove(entry: Entry): void {
    const last = this.#items.pop()!;
    if (last !== entry) {
      this.#place(last, entry.index);
      this.#down(this.#up(last.index));
    }
    entry.index = -1;
  }

  #place(entry: Entry, index: number): void {
    this.#items[index] = entry;
    entry.index = index;
  }

  /** Moves the entry at `index` up while it expires before its parent; returns where it ends. */
  #up(index: number): number {
    const entry = this.#items[index]!;
    while (index > 0) {
      const parent = this.#items[(index - 1) >> 1]!;
      if (parent.expiry <= entry.expiry) break;
      this.#place(parent, index);
      index = (index - 1) >> 1;
    }
    this.#place(entry, index);
    return index;
  }

  #down(index: number): void {
    const entry = this.#items[index]!;
    const count = this.#items.length;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= count) break;
      const right = this.#items[child + 1];
      if (right !== undefined && right.expiry < this.#items[child]!.expiry) child++;
      const next = this.#items[child]!;
      if (next.expiry >= entry.expiry) break;
      this.#place(next, index);
      index = child;
    }
    this.#place(entry, index);
  }
}
