import { parseRetryAfter } from "./retry-after.js";

export interface RetryOptions {
  /** Most times one request is sent, the first included. Default 4. */
  maxAttempts?: number;
  /** Give up retrying once this much time has passed since the first attempt. Default 60,000 ms. */
  maxElapsedMs?: number;
  /** First backoff step; it doubles each attempt, with full jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single wait between attempts. Default 20,000 ms. */
  maxDelayMs?: number;
  /**
   * Also retry POST and PATCH after a 5xx, a network failure or a timeout. Off by default: Dixa
   * has no idempotency key, so a replayed request may create a second note or conversation.
   * 429 answers are retried for every method, since the request was not processed.
   */
  retryUnsafeMethods?: boolean;
}

export const defaultRetry = {
  maxAttempts: 4,
  maxElapsedMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryUnsafeMethods: false,
} as const satisfies Required<RetryOptions>;

export type ResolvedRetry = Required<RetryOptions>;

const idempotentMethods = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const retryableStatuses = new Set([500, 502, 503, 504]);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: string };

export interface AttemptOutcome {
  method: string;
  attempt: number;
  elapsedMs: number;
  /** The answer, when one came (any status). */
  response?: { status: number; headers: Headers };
  /** The failure, when none came: only its kind matters (a DixaError's, such as `timeout`). */
  error?: { kind: string };
}

/** Merges options over the defaults, checking each value once. `false` means one attempt. */
export function resolveRetry(
  options: RetryOptions | false | undefined,
  base: ResolvedRetry = defaultRetry,
): ResolvedRetry {
  if (options === false) return { ...base, maxAttempts: 1 };
  const merged = { ...base, ...dropUndefined(options ?? {}) };
  if (!Number.isInteger(merged.maxAttempts) || merged.maxAttempts < 1) {
    throw new TypeError("retry.maxAttempts must be a positive integer");
  }
  for (const key of ["maxElapsedMs", "baseDelayMs", "maxDelayMs"] as const) {
    if (!(merged[key] >= 0) || !Number.isFinite(merged[key])) {
      throw new TypeError(`retry.${key} must be a non-negative number of milliseconds`);
    }
  }
  return merged;
}

/**
 * Decides whether a failed attempt is sent again, and after how long. 429: always (honouring
 * Retry-After). 5xx, network failures and timeouts: for idempotent methods, or when the caller
 * opted in. Anything else: never. The wait never runs past the time budget.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  policy: ResolvedRetry,
  random = Math.random,
): RetryDecision {
  if (outcome.attempt >= policy.maxAttempts) return { retry: false };
  const replayable = idempotentMethods.has(outcome.method) || policy.retryUnsafeMethods;
  let reason: string;
  let serverDelayMs: number | undefined;
  if (outcome.response !== undefined) {
    const status = outcome.response.status;
    if (status === 429) {
      reason = "429 Too Many Requests";
      const seconds = parseRetryAfter(outcome.response.headers.get("retry-after"));
      serverDelayMs = seconds === undefined ? undefined : seconds * 1000;
    } else if (retryableStatuses.has(status) && replayable) {
      reason = `${status} from the server`;
    } else {
      return { retry: false };
    }
  } else if (
    outcome.error !== undefined &&
    (outcome.error.kind === "network" || outcome.error.kind === "timeout")
  ) {
    if (!replayable) return { retry: false };
    reason = outcome.error.kind === "timeout" ? "timeout" : "network failure";
  } else {
    return { retry: false };
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (outcome.attempt - 1));
  const delayMs = serverDelayMs ?? Math.round(random() * backoff);
  if (outcome.elapsedMs + delayMs > policy.maxElapsedMs) return { retry: false };
  return { retry: true, delayMs, reason };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
