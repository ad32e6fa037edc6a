import { earliestStart, memoryMs, type AdmissionRule } from "./admission-rule.js";
import { watchDeparture } from "./departures.js";
import { FairQueue, type Queued } from "./fair-queue.js";
import { badPriority, defaultPriority, laneIndex } from "./lanes.js";
import type { AcquireOptions, RateLimit, RateLimitTicket } from "./rate-limit.js";

export interface RateLimitOptions {
  /** Sustained requests per second. Default 10, Dixa's documented limit per token. */
  requestsPerSecond?: number;
  /** Requests that may start back to back. Default 4, Dixa's documented burst. */
  burst?: number;
  /**
   * Room left for network jitter, in milliseconds: `requestsPerSecond * jitterAllowanceMs / 1000`
   * of the burst is kept in reserve and the one-second window is stretched by a tenth of it.
   * Default 100 (one request of the burst of 4, a 1,010 ms window).
   */
  jitterAllowanceMs?: number;
  /**
   * How long after it is let through a request still counts as possibly on its way to the
   * server while neither its departure nor its answer has been seen, in milliseconds: room for
   * a process stalled between the limiter's yes and the send (a busy machine can hold one that
   * long). Default 1,000.
   */
  transitAllowanceMs?: number;
  /**
   * How long after a request has left the process (written to its connection, as Node's
   * built-in fetch reports) it may still take to be counted at the server, in milliseconds:
   * the network's and the server's own delays. From its departure on, the request counts until
   * then (or its answer, if sooner), however long it was held before. Default 75.
   */
  networkAllowanceMs?: number;
}

export const dixaRateLimit = {
  requestsPerSecond: 10,
  burst: 4,
  jitterAllowanceMs: 100,
  transitAllowanceMs: 1_000,
  networkAllowanceMs: 75,
} as const;

/** The rule and the allowances, checked. */
export interface ResolvedRateLimit {
  rule: AdmissionRule;
  transitMs: number;
  networkMs: number;
}

interface Waiter extends Queued {
  resolve: (ticket: RateLimitTicket) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  queuedAt: number;
}

/** One request let through: the latest moment it may reach the server. */
interface Sent {
  latestArrival: number;
}

/** The state one limit keeps, shared by every client handle on it. */
class SharedLimit {
  readonly sent: Sent[] = [];
  readonly waiting = new FairQueue<Waiter>();
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The handle `sharedRateLimiter` hands out, kept alive by every handle on this limit. */
  first: RateLimiter | undefined;

  constructor(public settings: ResolvedRateLimit) {}
}

/** Set while `forClient` constructs a handle on an existing limit. */
let joining: SharedLimit | undefined;

/**
 * Dixa documents its per-token limit as "10 requests per second, burst 4". This limiter keeps
 * it where it counts, at the server: see `admission-rule.ts` for the rule. A request counts from
 * the moment it is let through until its answer arrives (the client settles its ticket then),
 * or until it has left the process plus `networkAllowanceMs`, or at most `transitAllowanceMs`,
 * so requests delayed on the way by a busy event loop, a cold connection or another process on
 * the CPU cannot bunch up at the server. Callers wait in lanes (`lanes.ts`: interactive, normal,
 * background), and within a lane the clients of the limit take turns (`fair-queue.ts`); the
 * caller's AbortSignal takes a caller out. A timer runs only while someone waits, so an idle
 * limiter keeps no process alive.
 */
export class RateLimiter implements RateLimit {
  private readonly limit: SharedLimit;

  constructor(options: RateLimitOptions = {}) {
    const existing = joining;
    joining = undefined;
    this.limit = existing ?? new SharedLimit(ruleOf(options));
    this.limit.first ??= this;
  }

  /** Sustained requests per second. */
  get requestsPerSecond(): number {
    return this.limit.settings.rule.ratePerSecond;
  }

  /** Requests that may start back to back (the burst less its reserve). */
  get capacity(): number {
    return this.limit.settings.rule.capacity;
  }

  /** Requests queued behind the limit right now, by every client of it. */
  get queued(): number {
    return this.limit.waiting.size;
  }

  /**
   * Another handle on this same limit, for one more client: the callers of each handle take
   * turns within their lane, so one client's backlog does not hold back another's calls.
   */
  forClient(): RateLimiter {
    joining = this.limit;
    return new RateLimiter();
  }

  /**
   * Resolves with a ticket when one request may be sent; settle the ticket when its answer has
   * arrived or the attempt failed. Rejects with the signal's reason if the caller aborts while
   * waiting; the place in the queue is given up.
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<RateLimitTicket> {
    const lane = laneIndex(options?.priority ?? defaultPriority);
    if (lane < 0) {
      return Promise.reject(badPriority(options!.priority));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    const limit = this.limit;
    const now = performance.now();
    if (limit.waiting.size === 0 && startAt(limit, now) <= now) {
      return Promise.resolve(take(limit, 0));
    }
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        owner: this,
        resolve,
        reject,
        signal,
        queuedAt: now,
        onAbort: () => {
          limit.waiting.remove(waiter);
          reject(signal?.reason);
          schedule(limit);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      limit.waiting.push(waiter);
      schedule(limit);
    });
  }

  /**
   * Makes this limiter at least as strict as `options` (the smaller rate and burst, the longer
   * window and allowances). Clients that share a token share one limiter, and together they
   * must keep the smallest limit any of them asked for.
   */
  tighten(options: RateLimitOptions): void {
    const mine = this.limit.settings;
    const other = ruleOf(options);
    this.limit.settings = {
      rule: {
        ratePerSecond: Math.min(mine.rule.ratePerSecond, other.rule.ratePerSecond),
        capacity: Math.min(mine.rule.capacity, other.rule.capacity),
        windowLimit: Math.min(mine.rule.windowLimit, other.rule.windowLimit),
        windowMs: Math.max(mine.rule.windowMs, other.rule.windowMs),
      },
      transitMs: Math.max(mine.transitMs, other.transitMs),
      networkMs: Math.max(mine.networkMs, other.networkMs),
    };
  }
}

function startAt(limit: SharedLimit, now: number): number {
  const { rule } = limit.settings;
  const forgetBefore = now - memoryMs(rule);
  const sent = limit.sent;
  while (sent.length > 0 && sent[0]!.latestArrival < forgetBefore) sent.shift();
  return earliestStart(
    sent.map((entry) => entry.latestArrival),
    rule,
    now,
  );
}

function take(limit: SharedLimit, waitedMs: number): RateLimitTicket {
  const { transitMs, networkMs } = limit.settings;
  const entry: Sent = { latestArrival: performance.now() + transitMs };
  limit.sent.push(entry);
  let answered = false;
  const count = (until: number) => {
    const sooner = until < entry.latestArrival;
    entry.latestArrival = until;
    if (sooner && limit.waiting.size > 0) schedule(limit);
  };
  return {
    waitedMs,
    settle: () => {
      const now = performance.now();
      answered = true;
      if (now < entry.latestArrival) count(now);
    },
    // Once it has left, it counts until it may have reached the server: sooner than assumed,
    // or later, when the process was held up before sending it.
    dispatch: (send) =>
      watchDeparture((departedAt) => {
        if (!answered) count(departedAt + networkMs);
      }, send),
  };
}

function schedule(limit: SharedLimit): void {
  if (limit.timer !== undefined) {
    clearTimeout(limit.timer);
    limit.timer = undefined;
  }
  let now = performance.now();
  while (limit.waiting.size > 0 && startAt(limit, now) <= now) {
    const waiter = limit.waiting.shift()!;
    waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve(take(limit, now - waiter.queuedAt));
    now = performance.now();
  }
  if (limit.waiting.size > 0) {
    const delay = Math.max(1, Math.ceil(startAt(limit, now) - now));
    limit.timer = setTimeout(() => schedule(limit), delay);
  }
}

/** Checks rate-limit options and turns them into the rule; shared with the Redis limiter. */
export function ruleOf(options: RateLimitOptions): ResolvedRateLimit {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("rateLimit must be an object of options, a RateLimiter, or false");
  }
  const requestsPerSecond = options.requestsPerSecond ?? dixaRateLimit.requestsPerSecond;
  const burst = options.burst ?? dixaRateLimit.burst;
  const jitter = options.jitterAllowanceMs ?? dixaRateLimit.jitterAllowanceMs;
  const transitMs = options.transitAllowanceMs ?? dixaRateLimit.transitAllowanceMs;
  const networkMs = options.networkAllowanceMs ?? dixaRateLimit.networkAllowanceMs;
  if (typeof requestsPerSecond !== "number" || !(requestsPerSecond > 0)) {
    throw new TypeError("rateLimit.requestsPerSecond must be a positive number");
  }
  if (!Number.isFinite(requestsPerSecond)) {
    throw new TypeError("rateLimit.requestsPerSecond must be a positive number");
  }
  if (!Number.isInteger(burst) || burst < 1) {
    throw new TypeError("rateLimit.burst must be a positive integer");
  }
  for (const [name, value] of [
    ["jitterAllowanceMs", jitter],
    ["transitAllowanceMs", transitMs],
    ["networkAllowanceMs", networkMs],
  ] as const) {
    if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
      throw new TypeError(`rateLimit.${name} must be a non-negative number of milliseconds`);
    }
  }
  return {
    rule: {
      ratePerSecond: requestsPerSecond,
      capacity: Math.max(1, Math.floor(burst - (requestsPerSecond * jitter) / 1000)),
      // A one-second window of the sustained rate, stretched by a tenth of the jitter allowance.
      windowLimit: requestsPerSecond >= 1 ? Math.floor(requestsPerSecond) : Infinity,
      windowMs: 1000 + jitter / 10,
    },
    transitMs,
    networkMs,
  };
}
