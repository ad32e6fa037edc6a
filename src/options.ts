import type { EventHook } from "./http/events.js";
import type { HookErrorHandler } from "./http/hook-errors.js";
import { headerSafe, unsafeHeaderText } from "./http/header-text.js";
import { requiredApiKey } from "./shared/secret-text.js";
import { checkPriority, defaultPriority, type RateLimitPriority } from "./http/lanes.js";
import type { RateLimit } from "./http/rate-limit.js";
import type { RateLimiter, RateLimitOptions } from "./http/rate-limiter.js";
import { resolveRetry, type ResolvedRetry, type RetryOptions } from "./http/retry-policy.js";
import type { FetchLike } from "./http/transport.js";
import { checkValidationMode, type ValidateResponses } from "./validation/mode.js";
import { describeValue } from "./validate.js";

export type { RateLimitOptions, RetryOptions };

export const defaultBaseUrl = "https://dev.dixa.io";
export const defaultTimeoutMs = 30_000;
/** Node clamps a longer timer to 1 ms, which would time every attempt out at once. */
export const maxTimeoutMs = 2_147_483_647;
export const defaultMaxResponseBytes = 64 * 1024 * 1024;

export interface DixaClientOptions {
  /** Your Dixa API token. Sent as is in `Authorization` (no `Bearer`), trimmed. Required. */
  apiKey: string;
  /**
   * Default `https://dev.dixa.io`. An http(s) URL, optionally with a path (a proxy's); no query
   * or fragment, and not ending in `/beta`: every path the client sends starts with `/beta`.
   */
  baseUrl?: string | undefined;
  /** The fetch to use; default the global one. Handy for proxies, tests and non-Node runtimes. */
  fetch?: FetchLike | undefined;
  /** Appended to `dixa-beta-ts/<version>` in the User-Agent header. */
  userAgent?: string | undefined;
  /**
   * Time limit for one attempt of a request, headers and body, in milliseconds: from 1 to
   * 2,147,483,647. Default 30,000.
   */
  timeoutMs?: number | undefined;
  /**
   * Retry policy, or `false` to send each request once. Default: up to 4 attempts within 60 s;
   * 429 always retried (honouring Retry-After); 5xx, network failures and timeouts retried for
   * GET, HEAD, PUT and DELETE only, unless `retryUnsafeMethods` is set.
   */
  retry?: RetryOptions | false | undefined;
  /**
   * Client-side rate limiting, on by default at Dixa's documented 10 requests/s with a burst of
   * 4. Clients created with the same token share one limiter (the strictest settings asked for
   * win). Pass options, your own limiter (a `RateLimiter`, or anything with
   * `acquire(signal)`, such as the Redis one of `dixa-beta/redis`), or `false` to turn limiting off.
   */
  rateLimit?: RateLimitOptions | RateLimiter | RateLimit | false | undefined;
  /**
   * The rate limiter's lane for this client's calls, unless a call says otherwise: "interactive",
   * "normal" (the default) or "background". A higher lane goes first when both wait.
   */
  priority?: RateLimitPriority | undefined;
  /** Sees every request, response, retry, limiter wait and failure; headers come redacted. */
  onEvent?: EventHook | undefined;
  /**
   * Told once about each error your `onEvent` or per-call `onResponse` hook throws (or rejects
   * with); the call goes on as if the hook had not failed. Default: logged with
   * `console.error`, the token removed.
   */
  onHookError?: HookErrorHandler | undefined;
  /**
   * Largest answer body the client reads into memory, in bytes. A longer one fails with a
   * DixaMalformedResponseError (not retried) and its connection is closed. Default 64 MiB.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Checks each answer against Dixa's (corrected) description: `"warn"` reports every difference
   * as a `response-mismatch` event through `onEvent` (which it needs), `"strict"` also throws a
   * DixaResponseValidationError when one would break code written against the description.
   * Default `"off"`; a call's own option wins. The checker loads on first use.
   */
  validateResponses?: ValidateResponses | undefined;
}

/**
 * The options of `createDixaCore`: the client's, except that rate limiting is what you pass
 * (a limiter, or nothing), so an app that does not limit does not bundle a limiter.
 */
export type DixaCoreOptions = Omit<DixaClientOptions, "rateLimit"> & {
  /** A limiter (`new RateLimiter()`, `sharedRateLimiter(apiKey)`, a Redis one), or none. */
  rateLimit?: RateLimit | false | undefined;
};

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  /** Undefined: the global fetch, looked up when the first request goes. */
  fetch: FetchLike | undefined;
  userAgent: string;
  timeoutMs: number;
  retry: ResolvedRetry;
  limiter: RateLimit | undefined;
  onEvent: EventHook | undefined;
  onHookError: HookErrorHandler | undefined;
  maxResponseBytes: number;
  validateResponses: ValidateResponses;
  priority: RateLimitPriority;
}

const knownOptions = new Set([
  "apiKey",
  "baseUrl",
  "fetch",
  "userAgent",
  "timeoutMs",
  "retry",
  "rateLimit",
  "onEvent",
  "onHookError",
  "maxResponseBytes",
  "validateResponses",
  "priority",
]);

/**
 * Checks the options once, at construction, so a misconfigured client fails early and clearly.
 * No message echoes a value that might be the token.
 */
export function resolveOptions(
  options: DixaCoreOptions,
  packageUserAgent: string,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createDixaClient(options): options must be an object with an `apiKey`");
  }
  for (const name of Object.keys(options)) {
    if (!knownOptions.has(name)) {
      throw new TypeError(
        `createDixaClient: unknown option \`${name}\` (known: ${[...knownOptions].join(", ")})`,
      );
    }
  }
  // The same rule as a webhook secret's and the Redis limiter's: trimmed, refused unseen.
  const apiKey = requiredApiKey(options.apiKey, "createDixaClient");
  const extra = headerValue(options.userAgent, "userAgent");
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  checkTimeout(timeoutMs, "createDixaClient: `timeoutMs`");
  const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw new TypeError(
      `createDixaClient: \`maxResponseBytes\` must be a positive whole number of bytes, got ${describeValue(maxResponseBytes)}`,
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("createDixaClient: `fetch` must be a function");
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== "function") {
    throw new TypeError("createDixaClient: no `fetch` available; pass one with the `fetch` option");
  }
  for (const hook of ["onEvent", "onHookError"] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== "function") {
      throw new TypeError(`createDixaClient: \`${hook}\` must be a function`);
    }
  }
  const validateResponses = options.validateResponses ?? "off";
  checkValidationMode(validateResponses, options.onEvent, "createDixaClient: `validateResponses`");
  return {
    apiKey,
    baseUrl: resolveBaseUrl(options.baseUrl),
    fetch: options.fetch,
    userAgent: extra ? `${packageUserAgent} ${extra}` : packageUserAgent,
    timeoutMs,
    retry: resolveRetry(options.retry),
    limiter: givenLimiter(options.rateLimit, "createDixaCore"),
    onEvent: options.onEvent,
    onHookError: options.onHookError,
    maxResponseBytes,
    validateResponses,
    priority: checkPriority(options.priority, "createDixaClient: `priority`") ?? defaultPriority,
  };
}

/** A time limit: a number of milliseconds from 1 to 2,147,483,647. */
export function checkTimeout(value: unknown, what: string): asserts value is number {
  if (typeof value !== "number" || !(value >= 1 && value <= maxTimeoutMs)) {
    throw new TypeError(
      `${what} must be a number of milliseconds from 1 to ${maxTimeoutMs}, got ${describeValue(value)}`,
    );
  }
}

/**
 * A string that goes into a header, trimmed as fetch would send it. Characters a header cannot
 * carry (CR, LF, NUL and other controls, or anything past U+00FF) are refused by option name,
 * without echoing the value: it may be a token.
 */
function headerValue(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new TypeError(`createDixaClient: \`${option}\` must be a string, got ${typeof value}`);
  }
  const trimmed = value.trim();
  if (!headerSafe(trimmed)) {
    throw new TypeError(`createDixaClient: \`${option}\` ${unsafeHeaderText}`);
  }
  return trimmed;
}

function resolveBaseUrl(value: unknown): string {
  const baseUrl = value ?? defaultBaseUrl;
  const refuse = (why: string) =>
    new TypeError(
      `createDixaClient: \`baseUrl\` must be an http(s) URL such as https://dev.dixa.io (${why})`,
    );
  if (typeof baseUrl !== "string") throw refuse(`got ${describeValue(baseUrl)}`);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw refuse("it does not parse as a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw refuse("not http or https");
  if (url.search !== "" || baseUrl.includes("?")) throw refuse("it has a query");
  if (url.hash !== "" || baseUrl.includes("#")) throw refuse("it has a fragment");
  if (url.username !== "" || url.password !== "") throw refuse("it holds credentials");
  const resolved = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (/\/beta$/i.test(resolved)) {
    throw new TypeError(
      `createDixaClient: \`baseUrl\` must not end in /beta: every path the client sends starts with /beta already (${resolved}/beta/agents would be requested); pass ${resolved.slice(0, -"/beta".length)}`,
    );
  }
  return resolved;
}

/** A limiter given as such (anything with `acquire`), or none; options objects are the client's. */
function givenLimiter(option: unknown, what: string): RateLimit | undefined {
  if (option === false || option === undefined) return undefined;
  if (typeof option === "object" && option !== null && "acquire" in option) {
    if (typeof option.acquire !== "function") {
      throw new TypeError(`${what}: \`rateLimit.acquire\` must be a function`);
    }
    return option as RateLimit;
  }
  throw new TypeError(
    `${what}: \`rateLimit\` takes a limiter (new RateLimiter(...), sharedRateLimiter(apiKey), a Redis one) or false; createDixaClient also takes limiter options`,
  );
}
