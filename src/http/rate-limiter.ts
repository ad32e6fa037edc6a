import { earliestStart, memoryMs, type AdmissionRule } from "./admission-rule.js";
import type { RateLimit, RateLimitTicket } from "./rate-limit.js";

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
   * How long after it is sent a request still counts as possibly on its way to the server when
   * no answer has come yet, in milliseconds. A request counts from the moment it is sent until
   * its answer arrives, but at most this long. Default 250.
   */
  transitAllowanceMs?: number;
}

export const dixaRateLimit = {
  requestsPerSecond: 10,
  burst: 4,
  jitterAllowanceMs: 100,
  transitAllowanceMs: 250,
} as const;

interface Waiter {
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

/**
 * Dixa documents its per-token limit as "10 requests per second, burst 4". This limiter keeps
 * it where it counts, at the server: see `admission-rule.ts` for the rule. A request counts from
 * the moment it is let through until its answer arrives (the client settles its ticket then),
 * or at most `transitAllowanceMs`, so requests delayed on the way by a busy event loop, a cold
 * connection or another process on the CPU cannot bunch up at the server. Requests wait in a
 * first-come-first-served queue that the caller's AbortSignal can leave; a timer runs only
 * while someone waits, so an idle limiter keeps no process alive.
 */
export class RateLimiter implements RateLimit {
  private rule: AdmissionRule;
  private transitMs: number;
  private readonly sent: Sent[] = [];
  private readonly waiting: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions = {}) {
    const { rule, transitMs } = ruleOf(options);
    this.rule = rule;
    this.transitMs = transitMs;
  }

  /** Sustained requests per second. */
  get requestsPerSecond(): number {
    return this.rule.ratePerSecond;
  }

  /** Requests that may start back to back (the burst less its reserve). */
  get capacity(): number {
    return this.rule.capacity;
  }

  /** Requests queued behind the limit right now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a ticket when one request may be sent; settle the ticket when its answer has
   * arrived or the attempt failed. Rejects with the signal's reason if the caller aborts while
   * waiting; the place in the queue is given up.
   */
  acquire(signal?: AbortSignal): Promise<RateLimitTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.mayStart(performance.now())) {
      return Promise.resolve(this.take(0));
    }
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        queuedAt: performance.now(),
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
          this.schedule();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.schedule();
    });
  }

  /**
   * Makes this limiter at least as strict as `options` (the smaller rate and burst, the longer
   * window and allowances). Clients that share a token share one limiter, and together they
   * must keep the smallest limit any of them asked for.
   */
  tighten(options: RateLimitOptions): void {
    const other = ruleOf(options);
    this.rule = {
      ratePerSecond: Math.min(this.rule.ratePerSecond, other.rule.ratePerSecond),
      capacity: Math.min(this.rule.capacity, other.rule.capacity),
      windowLimit: Math.min(this.rule.windowLimit, other.rule.windowLimit),
      windowMs: Math.max(this.rule.windowMs, other.rule.windowMs),
    };
    this.transitMs = Math.max(this.transitMs, other.transitMs);
  }

  private mayStart(now: number): boolean {
    return this.startAt(now) <= now;
  }

  private startAt(now: number): number {
    const forgetBefore = now - memoryMs(this.rule);
    while (this.sent.length > 0 && this.sent[0]!.latestArrival < forgetBefore) this.sent.shift();
    const arrivals = this.sent.map((entry) => entry.latestArrival);
    return earliestStart(arrivals, this.rule, now);
  }

  private take(waitedMs: number): RateLimitTicket {
    const sentAt = performance.now();
    const entry: Sent = { latestArrival: sentAt + this.transitMs };
    this.sent.push(entry);
    return {
      waitedMs,
      settle: () => {
        const now = performance.now();
        if (now >= entry.latestArrival) return;
        entry.latestArrival = now;
        if (this.waiting.length > 0) this.schedule();
      },
    };
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    let now = performance.now();
    while (this.waiting.length > 0 && this.mayStart(now)) {
      const waiter = this.waiting.shift()!;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve(this.take(now - waiter.queuedAt));
      now = performance.now();
    }
    if (this.waiting.length > 0) {
      const delay = Math.max(1, Math.ceil(this.startAt(now) - now));
      this.timer = setTimeout(() => this.schedule(), delay);
    }
  }
}

/** Checks rate-limit options and turns them into the rule; shared with the Redis limiter. */
export function ruleOf(options: RateLimitOptions): { rule: AdmissionRule; transitMs: number } {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("rateLimit must be an object of options, a RateLimiter, or false");
  }
  const requestsPerSecond = options.requestsPerSecond ?? dixaRateLimit.requestsPerSecond;
  const burst = options.burst ?? dixaRateLimit.burst;
  const jitter = options.jitterAllowanceMs ?? dixaRateLimit.jitterAllowanceMs;
  const transitMs = options.transitAllowanceMs ?? dixaRateLimit.transitAllowanceMs;
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
  };
}
