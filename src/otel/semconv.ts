/**
 * The attribute and event names this adapter writes. The HTTP ones are those of the stable
 * OpenTelemetry HTTP client span conventions (`url.template` is still "development" there); the
 * `dixa.*` ones are this package's own. Spelled out here rather than imported from
 * `@opentelemetry/semantic-conventions`, so the only package this entry needs is the API; a test
 * keeps them equal to that package's constants.
 */
export const attr = {
  httpRequestMethod: "http.request.method",
  httpRequestMethodOriginal: "http.request.method_original",
  httpRequestResendCount: "http.request.resend_count",
  httpResponseStatusCode: "http.response.status_code",
  urlFull: "url.full",
  urlTemplate: "url.template",
  serverAddress: "server.address",
  serverPort: "server.port",
  errorType: "error.type",
  /** Which attempt of the call (1 for the first send) an event is about. */
  dixaAttempt: "dixa.attempt",
  /** How long the rate limiter held the attempt back, in milliseconds. */
  dixaRateLimitWaitedMs: "dixa.rate_limit.waited_ms",
  /** The call's lane in the rate limiter: "interactive", "normal" or "background". */
  dixaRateLimitPriority: "dixa.rate_limit.priority",
  /** How long the client waits before the next attempt, in milliseconds. */
  dixaRetryDelayMs: "dixa.retry.delay_ms",
  /** Why the client retries, e.g. "503 from the server", "network failure". */
  dixaRetryReason: "dixa.retry.reason",
} as const;

export const eventName = {
  /** The rate limiter held an attempt back (recorded when the wait ends). */
  rateLimitWait: "dixa.rate_limit.wait",
  /** An attempt failed and the call will be sent again after a delay. */
  retry: "dixa.retry",
} as const;

/** The `error.type` value the conventions reserve for a failure with no better name. */
export const otherErrorType = "_OTHER";
