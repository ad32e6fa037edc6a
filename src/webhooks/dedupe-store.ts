/**
 * De-duplication by `event_id`. Dixa may deliver one event more than once, and a third party
 * reports copies arriving at the same moment, so "have I seen it?" and "now I have" must be one
 * step: of two concurrent calls for one id, exactly one may answer "not seen".
 */

/** Where seen event ids are kept: in memory (the default) or shared, e.g. in Redis. */
export interface DixaWebhookDedupeStore {
  /**
   * Records `id` for `ttlMs` milliseconds and tells whether it was already recorded. Must be
   * atomic. With Redis: `SET <prefix><id> 1 NX PX <ttlMs>` answering null means "already seen".
   */
  seen(id: string, ttlMs: number): boolean | Promise<boolean>;
  /**
   * Removes `id`, so a redelivery is processed again: call it when handling the event failed.
   * Optional; without it a failed event is not retried until its record expires.
   */
  forget?(id: string): void | Promise<void>;
}

/** How long an event id is remembered by default: 24 hours. Dixa documents no redelivery horizon. */
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

export interface MemoryDedupeStoreOptions {
  /**
   * Most ids kept (default 100,000, a few MB); past it the oldest are dropped first, so memory
   * stays bounded whatever arrives.
   */
  maxEntries?: number;
  /** The clock, in ms (default `Date.now`); for tests. */
  now?: () => number;
}

/** The in-memory store: synchronous, with the number of ids it holds. */
export interface DixaMemoryDedupeStore extends DixaWebhookDedupeStore {
  seen(id: string, ttlMs: number): boolean;
  forget(id: string): void;
  /** How many ids are held now (expired ones may linger until the next `seen`). */
  readonly size: number;
}

/**
 * An in-memory store for one process. Atomic because `seen` is synchronous: JavaScript runs it
 * to the end before another delivery's handler gets a turn. Several processes or servers need a
 * shared store instead. No timer is kept: expired ids are swept as new ones arrive.
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
  /** id -> expiry time; a Map keeps insertion order, which is roughly expiry order. */
  const expiries = new Map<string, number>();

  const sweep = (time: number) => {
    for (const [id, expiry] of expiries) {
      if (expiry > time && expiries.size <= maxEntries) break;
      expiries.delete(id);
    }
  };

  return {
    seen(id: string, ttlMs: number): boolean {
      if (typeof id !== "string" || id === "") {
        throw new TypeError(`id must be a non-empty string (an event_id), got ${typeof id}`);
      }
      if (typeof ttlMs !== "number" || !(ttlMs > 0)) {
        throw new TypeError(
          `ttlMs must be a positive number of milliseconds, got ${String(ttlMs)}`,
        );
      }
      const time = now();
      const expiry = expiries.get(id);
      if (expiry !== undefined && expiry > time) return true;
      // Re-inserting moves the id to the end, keeping the map in (roughly) expiry order.
      expiries.delete(id);
      expiries.set(id, time + ttlMs);
      sweep(time);
      return false;
    },
    forget(id: string): void {
      expiries.delete(id);
    },
    get size() {
      return expiries.size;
    },
  };
}
