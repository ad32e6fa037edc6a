import { DixaAbortError, DixaError, DixaNetworkError, DixaTimeoutError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { BufferedResponse } from "./buffered-response.js";
import { DixaRequest, perCallInitOf } from "./dixa-request.js";
import { redactedHeaders, type EventHook } from "./events.js";
import type { RateLimiter } from "./rate-limiter.js";
import { decideRetry, resolveRetry, type ResolvedRetry } from "./retry-policy.js";

/**
 * The fetch the client sends with: the global one by default, or one you inject. The client
 * passes its own AbortSignal in `init.signal` (time limits, cancellation); a fetch must honour
 * it, as every standard fetch does.
 */
export type FetchLike = (input: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

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

interface Exchange {
  method: string;
  pathTemplate: string;
  path: string;
  timeoutMs: number;
}

/**
 * The fetch function handed to openapi-fetch: every request of the client, `client.raw`
 * included, goes through it. Per attempt it waits for the rate limiter, sends, and reads the
 * whole body under the time limit (so a connection cut mid-body is a network error here and can
 * be retried, not a parse error later); between attempts it applies the retry policy. Failures
 * become DixaErrors that name the operation and the attempts made, never the token.
 */
export function createTransport(options: TransportOptions): FetchLike {
  const { limiter, onEvent } = options;
  return async function dixaTransport(input: Request): Promise<Response> {
    let request = input instanceof DixaRequest ? input : await DixaRequest.from(input);
    const perCall = perCallInitOf(input);
    const path = options.redact(new URL(request.url).pathname);
    const preparing = request.prepareReplay();
    if (preparing !== undefined) await preparing;
    const exchange: Exchange = {
      method: request.method,
      pathTemplate: perCall.dixaPathTemplate ?? path,
      path,
      timeoutMs: perCall.timeoutMs ?? options.timeoutMs,
    };
    const policy =
      perCall.retry === undefined ? options.retry : resolveRetry(perCall.retry, options.retry);
    const { method, pathTemplate } = exchange;
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) request = request.retryCopy();
      if (limiter !== undefined) {
        const waitedMs = await limiter.acquire(request.signal).catch(() => {
          throw new DixaAbortError(method, pathTemplate, { attempts: attempt - 1 });
        });
        if (waitedMs > 0) onEvent?.({ type: "rate-limit-wait", method, pathTemplate, waitedMs });
      }
      if (onEvent !== undefined) {
        const headers = redactedHeaders(request.headers);
        onEvent({
          type: "request",
          method,
          pathTemplate,
          url: options.redact(request.url),
          attempt,
          headers,
        });
      }
      const sentAt = onEvent === undefined ? 0 : performance.now();
      let response: BufferedResponse | undefined;
      let error: DixaError | undefined;
      try {
        response = await sendOnce(request, exchange, options, attempt);
        onEvent?.({
          type: "response",
          method,
          pathTemplate,
          attempt,
          status: response.status,
          durationMs: performance.now() - sentAt,
        });
      } catch (caught) {
        error = caught as DixaError;
        if (error.kind === "aborted") throw error;
        onEvent?.({
          type: "error",
          method,
          pathTemplate,
          attempt,
          kind: error.kind,
          message: error.message,
        });
      }
      const outcome = {
        method,
        attempt,
        elapsedMs: performance.now() - started,
        response,
        error,
      };
      const decision = decideRetry(outcome, policy);
      if (!decision.retry) {
        if (error !== undefined) throw withAttempts(error, attempt);
        return response!;
      }
      onEvent?.({
        type: "retry",
        method,
        pathTemplate,
        attempt,
        delayMs: decision.delayMs,
        reason: decision.reason,
      });
      await sleep(decision.delayMs, request.signal).catch(() => {
        throw new DixaAbortError(method, pathTemplate, { attempts: attempt });
      });
    }
  };
}

/** One attempt: send, read the whole body, all under the time limit and the caller's signal. */
async function sendOnce(
  request: DixaRequest,
  exchange: Exchange,
  options: TransportOptions,
  attempt: number,
): Promise<BufferedResponse> {
  const { method, pathTemplate, path, timeoutMs } = exchange;
  // The request's own signal is the caller's; ours follows it and adds the time limit.
  const callerSignal = request.signal;
  if (callerSignal.aborted)
    throw new DixaAbortError(method, pathTemplate, { attempts: attempt - 1 });
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await options.fetch(request, { signal: controller.signal });
    const bytes = await response.arrayBuffer();
    const done = { requestPath: path, attempts: attempt };
    return response.ok
      ? new BufferedResponse(bytes, response, done)
      : redactedErrorResponse(response, bytes, done, options.redact);
  } catch (error) {
    if (timedOut)
      throw new DixaTimeoutError(method, pathTemplate, path, timeoutMs, { attempts: attempt });
    if (callerSignal.aborted) throw new DixaAbortError(method, pathTemplate, { attempts: attempt });
    throw new DixaNetworkError(
      method,
      pathTemplate,
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
function redactedErrorResponse(
  response: Response,
  bytes: ArrayBuffer,
  done: { requestPath: string; attempts: number },
  redact: Redactor,
): BufferedResponse {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== "content-length") headers.set(name, redact(value));
  });
  const text = redact(new TextDecoder().decode(bytes));
  const status = { status: response.status, statusText: redact(response.statusText), headers };
  return new BufferedResponse(new TextEncoder().encode(text).buffer as ArrayBuffer, status, done);
}

function withAttempts(error: DixaError, attempts: number): DixaError {
  error.attempts = attempts;
  if (attempts > 1) error.message = `${error.message} (after ${attempts} attempts)`;
  return error;
}

/** A wait that the caller's signal can cut short; its timer never outlives it. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
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
