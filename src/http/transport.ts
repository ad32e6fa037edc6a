import { DixaAbortError, DixaError, DixaNetworkError, DixaTimeoutError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { redactedHeaders, type EventHook } from "./events.js";
import { rememberExchange, requestInfo, type RequestInfo } from "./exchange.js";
import type { RateLimiter } from "./rate-limiter.js";
import { decideRetry, resolveRetry, type ResolvedRetry } from "./retry-policy.js";

export type FetchLike = (input: Request) => Promise<Response>;

export interface TransportOptions {
  fetch: FetchLike;
  /** Default time limit for one attempt, headers and body together. */
  timeoutMs: number;
  retry: ResolvedRetry;
  /** Undefined when rate limiting is off. */
  limiter: RateLimiter | undefined;
  onEvent: EventHook | undefined;
  redact: Redactor;
}

/**
 * The fetch function handed to openapi-fetch: every request of the client, `client.raw`
 * included, goes through it. Per attempt it waits for the rate limiter, sends, and reads the
 * whole body under the time limit (so a connection cut mid-body is a network error here and can
 * be retried, not a parse error later); between attempts it applies the retry policy. Failures
 * become DixaErrors that name the operation and the attempts made, never the token.
 */
export function createTransport(options: TransportOptions): FetchLike {
  const { redact, limiter, onEvent } = options;
  return async function dixaTransport(request: Request): Promise<Response> {
    const info = requestInfo(request);
    const path = new URL(request.url).pathname;
    const policy =
      info.retry === undefined ? options.retry : resolveRetry(info.retry, options.retry);
    const signal = request.signal;
    // Buffer a body once so each attempt can send it again.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      const aborted = () =>
        new DixaAbortError(info.method, info.pathTemplate, { attempts: attempt - 1 });
      if (limiter !== undefined) {
        const waitedMs = await limiter.acquire(signal).catch(() => {
          throw aborted();
        });
        if (waitedMs > 0)
          onEvent?.({
            type: "rate-limit-wait",
            method: info.method,
            pathTemplate: info.pathTemplate,
            waitedMs,
          });
      }
      if (signal.aborted) throw aborted();
      onEvent?.({
        type: "request",
        method: info.method,
        pathTemplate: info.pathTemplate,
        url: redact(request.url),
        attempt,
        headers: redactedHeaders(request.headers),
      });
      const sentAt = performance.now();
      let response: Response | undefined;
      let error: DixaError | undefined;
      try {
        response = await sendOnce(request, body, info, path, options, attempt);
        onEvent?.({
          type: "response",
          method: info.method,
          pathTemplate: info.pathTemplate,
          attempt,
          status: response.status,
          durationMs: performance.now() - sentAt,
        });
      } catch (caught) {
        error = caught as DixaError;
        if (error.kind === "aborted") throw error;
        onEvent?.({
          type: "error",
          method: info.method,
          pathTemplate: info.pathTemplate,
          attempt,
          kind: error.kind,
          message: error.message,
        });
      }
      const decision = decideRetry(
        { method: info.method, attempt, elapsedMs: performance.now() - started, response, error },
        policy,
      );
      if (!decision.retry) {
        if (error !== undefined) throw withAttempts(error, attempt);
        rememberExchange(response!, { path, attempts: attempt });
        return response!;
      }
      onEvent?.({
        type: "retry",
        method: info.method,
        pathTemplate: info.pathTemplate,
        attempt,
        delayMs: decision.delayMs,
        reason: decision.reason,
      });
      await sleep(decision.delayMs, signal).catch(() => {
        throw new DixaAbortError(info.method, info.pathTemplate, { attempts: attempt });
      });
    }
  };
}

/** One attempt: send, read the whole body, all under the time limit and the caller's signal. */
async function sendOnce(
  request: Request,
  body: ArrayBuffer | undefined,
  info: RequestInfo,
  path: string,
  options: TransportOptions,
  attempt: number,
): Promise<Response> {
  const timeoutMs = info.timeoutMs ?? options.timeoutMs;
  const callerSignal = request.signal;
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await options.fetch(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        redirect: request.redirect,
        signal: controller.signal,
      }),
    );
    const bytes = await response.arrayBuffer();
    if (!response.ok) return redactedErrorResponse(response, bytes, options.redact);
    return new Response(bytes.byteLength === 0 ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (timedOut)
      throw new DixaTimeoutError(info.method, info.pathTemplate, path, timeoutMs, {
        attempts: attempt,
      });
    if (callerSignal.aborted)
      throw new DixaAbortError(info.method, info.pathTemplate, { attempts: attempt });
    throw new DixaNetworkError(
      info.method,
      info.pathTemplate,
      path,
      options.redact(describeNetworkFailure(error)),
      {
        attempts: attempt,
      },
    );
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
  }
}

/**
 * An error answer goes to callers as data (`client.raw` hands it back as `error`), so a server
 * that echoes the token in its body or headers must not hand the token to logs that print it.
 */
function redactedErrorResponse(response: Response, bytes: ArrayBuffer, redact: Redactor): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== "content-length") headers.set(name, redact(value));
  });
  const text = new TextDecoder().decode(bytes);
  return new Response(text === "" ? null : redact(text), {
    status: response.status,
    statusText: redact(response.statusText),
    headers,
  });
}

function withAttempts(error: DixaError, attempts: number): DixaError {
  error.attempts = attempts;
  if (attempts > 1) error.message = `${error.message} (after ${attempts} attempts)`;
  return error;
}

/** A wait that the caller's signal can cut short; its timer never outlives it. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** undici reports "fetch failed" and hides the reason in `cause`; surface the useful part. */
function describeNetworkFailure(error: unknown): string {
  const outer = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = typeof cause?.message === "string" ? cause.message : undefined;
  return [outer, code, message]
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(": ");
}
