import type { FetchLike } from "./http/transport.js";

export const defaultBaseUrl = "https://dev.dixa.io";
export const defaultTimeoutMs = 30_000;

export interface RetryOptions {
  /** Most times one request is sent, first attempt included. Default 4. */
  maxAttempts?: number;
  /** Retry POST and PATCH after a 5xx, network error or timeout too. Off by default: Dixa has no
   * idempotency key, so a replayed note or conversation could be created twice. */
  retryUnsafeMethods?: boolean;
}

export interface RateLimitOptions {
  /** Sustained requests per second. Default 10 (Dixa's documented limit per token). */
  requestsPerSecond?: number;
  /** Requests that may start at once. Default 4. */
  burst?: number;
}

export interface DixaClientOptions {
  /** Your Dixa API token. Sent as is in `Authorization` (no `Bearer`). Required. */
  apiKey: string;
  /** Default `https://dev.dixa.io`. */
  baseUrl?: string;
  /** The fetch to use; default the global one. Handy for proxies, tests and non-Node runtimes. */
  fetch?: FetchLike | typeof globalThis.fetch;
  /** Appended to `dixa-beta-ts/<version>` in the User-Agent header. */
  userAgent?: string;
  /** Time limit for one request, headers and body, in milliseconds. Default 30,000. */
  timeoutMs?: number;
  /** Retry policy, or `false` to send each request once. */
  retry?: RetryOptions | false;
  /** Client-side rate limiting, or `false` to turn it off. */
  rateLimit?: RateLimitOptions | false;
}

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  fetch: FetchLike;
  userAgent: string;
  timeoutMs: number;
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
    fetch: (request) => fetchImpl(request),
    userAgent: extra ? `${packageUserAgent} ${extra}` : packageUserAgent,
    timeoutMs,
  };
}
