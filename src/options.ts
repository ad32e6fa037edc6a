import type { EventHook } from "./http/events.js";
import { RateLimiter, sharedRateLimiter, type RateLimitOptions } from "./http/rate-limiter.js";
import { resolveRetry, type ResolvedRetry, type RetryOptions } from "./http/retry-policy.js";
import type { FetchLike } from "./http/transport.js";

export type { RateLimitOptions, RetryOptions };

export const defaultBaseUrl = "https://dev.dixa.io";
export const defaultTimeoutMs = 30_000;

export interface DixaClientOptions {
  /** Your Dixa API token. Sent as is in `Authorization` (no `Bearer`). Required. */
  apiKey: string;
  /** Default `https://dev.dixa.io`. */
  baseUrl?: string;
  /** The fetch to use; default the global one. Handy for proxies, tests and non-Node runtimes. */
  fetch?: FetchLike;
  /** Appended to `dixa-beta-ts/<version>` in the User-Agent header. */
  userAgent?: string;
  /** Time limit for one attempt of a request, headers and body, in milliseconds. Default 30,000. */
  timeoutMs?: number;
  /**
   * Retry policy, or `false` to send each request once. Default: up to 4 attempts within 60 s;
   * 429 always retried (honouring Retry-After); 5xx, network failures and timeouts retried for
   * GET, HEAD, PUT and DELETE only, unless `retryUnsafeMethods` is set.
   */
  retry?: RetryOptions | false;
  /**
   * Client-side rate limiting, on by default at Dixa's documented 10 requests/s with a burst of
   * 4. Clients created with the same token share one limiter. Pass options, your own
   * `RateLimiter` (to share it explicitly), or `false` to turn limiting off.
   */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** Sees every request, response, retry, limiter wait and failure; headers come redacted. */
  onEvent?: EventHook;
}

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  fetch: FetchLike;
  userAgent: string;
  timeoutMs: number;
  retry: ResolvedRetry;
  limiter: RateLimiter | undefined;
  onEvent: EventHook | undefined;
}

/** Checks the options once, at construction, so a misconfigured client fails early and clearly. */
export function resolveOptions(
  options: DixaClientOptions,
  packageUserAgent: string,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createDixaClient(options): options must be an object with an `apiKey`");
  }
  const { apiKey } = options;
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    // Say what is wrong without echoing whatever was passed: it may be a real token.
    throw new TypeError(
      `createDixaClient: the \`apiKey\` option is required and must be a non-empty string (got ${apiKey === undefined ? "nothing" : typeof apiKey === "string" ? "a blank string" : typeof apiKey})`,
    );
  }
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  if (typeof baseUrl !== "string" || !/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new TypeError(
      "createDixaClient: `baseUrl` must be an http(s) URL such as https://dev.dixa.io",
    );
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError("createDixaClient: `timeoutMs` must be a positive number of milliseconds");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new TypeError("createDixaClient: no `fetch` available; pass one with the `fetch` option");
  }
  const extra = options.userAgent?.trim();
  return {
    apiKey,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: (request, init) => fetchImpl(request, init),
    userAgent: extra ? `${packageUserAgent} ${extra}` : packageUserAgent,
    timeoutMs,
    retry: resolveRetry(options.retry),
    limiter: resolveLimiter(apiKey, options.rateLimit),
    onEvent: options.onEvent,
  };
}

function resolveLimiter(
  apiKey: string,
  option: DixaClientOptions["rateLimit"],
): RateLimiter | undefined {
  if (option === false) return undefined;
  if (option instanceof RateLimiter) return option;
  return sharedRateLimiter(apiKey, option ?? {});
}
