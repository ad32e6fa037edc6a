import {
  DixaAbortError,
  DixaMalformedResponseError,
  DixaNetworkError,
  DixaTimeoutError,
  type DixaError,
} from "../errors.js";
import type { Redactor } from "../redact.js";
import { redactedHeaders, type DixaEvent, type DixaEventBase, type EventHook } from "./events.js";
import type { RateLimit, RateLimitPriority, RateLimitTicket } from "./rate-limit.js";
import { readBodyWithin } from "./read-body.js";
import { decideRetry, type ResolvedRetry } from "./retry-policy.js";

/**
 * A fetch you inject with the `fetch` option. The client calls it with a Request and passes its
 * own AbortSignal in `init.signal` (time limits, cancellation); it must honour it, as every
 * standard fetch does.
 */
export type FetchLike = (input: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** One call, ready to send: everything each attempt needs. */
export interface OutgoingRequest {
  /** Upper case. */
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`: names the operation in errors. */
  pathTemplate: string;
  /** The concrete path requested, e.g. `/beta/agents/6b0e…`. */
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | FormData | undefined;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** Time limit of each attempt, headers and body together. */
  timeoutMs: number;
  retry: ResolvedRetry;
  /** The call's lane in the rate limiter; undefined: the client's. */
  priority?: RateLimitPriority | undefined;
}

/** The answer to a call, read in full: any HTTP status, after the retries the policy allowed. */
export interface Exchange {
  /** The concrete path requested (not redacted). */
  path: string;
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array;
  /** How many times the request was sent. */
  attempts: number;
  /** From the first attempt to the end of the answer, retries and waits included. */
  durationMs: number;
}

export interface TransportOptions {
  /** Undefined: the global fetch, looked up when the first request goes. */
  fetch: FetchLike | undefined;
  /** Undefined when rate limiting is off. */
  limiter: RateLimit | undefined;
  onEvent: EventHook | undefined;
  redact: Redactor;
  /** Largest answer body read into memory. */
  maxResponseBytes: number;
  /** The client's lane in the rate limiter, for calls that name none. */
  priority: RateLimitPriority;
}

export type Transport = (request: OutgoingRequest) => Promise<Exchange>;

type SendOnce = (request: OutgoingRequest, signal: AbortSignal) => Promise<Response>;

/**
 * Every request of the client, `client.raw` included, goes through the transport. Per attempt it
 * waits for the rate limiter, sends, and reads the whole body under the time limit (so a
 * connection cut mid-body is a network error here and can be retried, not a parse error later);
 * between attempts it applies the retry policy. Failures become DixaErrors that name the
 * operation and the attempts made, never the token. Error answers are returned redacted, since
 * `client.raw` hands them to callers as data.
 */
export function createTransport(options: TransportOptions): Transport {
  const { onEvent, redact } = options;
  const sendOnce = sender(options.fetch);
  if (onEvent === undefined) return (request) => run(request, sendOnce, options, undefined);
  return async (request) => {
    const base = {
      callId: ++lastCallId,
      method: request.method,
      pathTemplate: request.pathTemplate,
    };
    const emit: Emit = (event) => {
      try {
        onEvent({ ...base, ...event } as DixaEvent);
      } catch (error) {
        // A throwing hook must not change the call's outcome (a note created, then an error
        // thrown, invites a duplicate); its error is rethrown on its own, not swallowed.
        queueMicrotask(() => {
          throw error;
        });
      }
    };
    const started = performance.now();
    const url = redact.text(request.url);
    // The lane, when a limiter has lanes to put the call in.
    if (options.limiter === undefined) emit({ type: "call-start", url });
    else emit({ type: "call-start", url, priority: request.priority ?? options.priority });
    try {
      const exchange = await run(request, sendOnce, options, emit);
      const durationMs = performance.now() - started;
      emit({ type: "call-end", attempts: exchange.attempts, durationMs, status: exchange.status });
      return exchange;
    } catch (error) {
      const { attempts = 0, kind } = error as DixaError;
      emit({ type: "call-end", attempts, durationMs: performance.now() - started, kind });
      throw error;
    }
  };
}

/** Numbers the calls of the process, so a hook can tell the events of concurrent calls apart. */
let lastCallId = 0;

type Emit = (event: DistributiveOmit<DixaEvent, keyof DixaEventBase>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The attempts of one call, with the waits, the events and the retry policy between them. */
async function run(
  request: OutgoingRequest,
  sendOnce: SendOnce,
  options: TransportOptions,
  emit: Emit | undefined,
): Promise<Exchange> {
  const { limiter, redact } = options;
  const { method, pathTemplate } = request;
  const started = performance.now();
  const priority = request.priority ?? options.priority;
  for (let attempt = 1; ; attempt++) {
    let ticket: RateLimitTicket | undefined;
    if (limiter !== undefined) {
      const granted = await limiter.acquire(request.signal, { priority }).catch(() => {
        throw new DixaAbortError(method, pathTemplate, { attempts: attempt - 1 });
      });
      ticket = typeof granted === "object" && granted !== null ? granted : undefined;
      const waitedMs = ticket?.waitedMs ?? (typeof granted === "number" ? granted : 0);
      if (waitedMs > 0) emit?.({ type: "rate-limit-wait", waitedMs, priority });
    }
    emit?.({
      type: "request",
      url: redact.text(request.url),
      attempt,
      headers: redactedHeaders(request.headers, redact),
    });
    const sentAt = performance.now();
    let response: Answer | undefined;
    let error: DixaError | undefined;
    try {
      response = await attemptOnce(request, sendOnce, options, attempt, ticket);
      emit?.({
        type: "response",
        attempt,
        status: response.status,
        durationMs: performance.now() - sentAt,
      });
    } catch (caught) {
      error = caught as DixaError;
      if (error.kind === "aborted") throw error;
      emit?.({ type: "error", attempt, kind: error.kind, message: error.message });
    }
    const elapsedMs = performance.now() - started;
    const decision = decideRetry({ method, attempt, elapsedMs, response, error }, request.retry);
    if (!decision.retry) {
      if (error !== undefined) throw withAttempts(error, attempt);
      const answer = response!;
      const ok = answer.status >= 200 && answer.status < 300;
      return {
        path: request.path,
        status: answer.status,
        statusText: ok ? answer.statusText : redact.text(answer.statusText),
        headers: ok
          ? answer.headers
          : redactHeaders(answer.headers, redact, { bodyRewritten: true }),
        bytes: ok ? answer.bytes : redactBytes(answer.bytes, redact),
        attempts: attempt,
        durationMs: performance.now() - started,
      };
    }
    emit?.({ type: "retry", attempt, delayMs: decision.delayMs, reason: decision.reason });
    await sleep(decision.delayMs, request.signal).catch(() => {
      throw new DixaAbortError(method, pathTemplate, { attempts: attempt });
    });
  }
}

interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array;
}

/** One attempt: send, read the whole body, all under the time limit and the caller's signal. */
async function attemptOnce(
  request: OutgoingRequest,
  sendOnce: SendOnce,
  options: TransportOptions,
  attempt: number,
  ticket: RateLimitTicket | undefined,
): Promise<Answer> {
  const { method, pathTemplate, timeoutMs } = request;
  const caller = request.signal;
  if (caller?.aborted) {
    ticket?.settle();
    throw new DixaAbortError(method, pathTemplate, { attempts: attempt - 1 });
  }
  // Ours follows the caller's signal and adds the time limit.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(caller!.reason);
  caller?.addEventListener("abort", onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let tooLarge: DixaMalformedResponseError | undefined;
  try {
    // Through the ticket, so the limiter sees when the request leaves.
    const send = () => sendOnce(request, controller.signal);
    const response = await (ticket?.dispatch?.(send) ?? send());
    // The server has seen the request by now: the limiter may stop counting it as on its way.
    ticket?.settle();
    const bytes = await readBodyWithin(response, options.maxResponseBytes, () => {
      tooLarge = new DixaMalformedResponseError(
        method,
        pathTemplate,
        response.status,
        `a body larger than maxResponseBytes (${options.maxResponseBytes} bytes); the connection was closed`,
      );
      controller.abort();
      return tooLarge;
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bytes,
    };
  } catch (error) {
    if (tooLarge !== undefined) throw tooLarge;
    if (timedOut) {
      throw new DixaTimeoutError(method, pathTemplate, safePath(request, options), timeoutMs, {
        attempts: attempt,
      });
    }
    if (caller?.aborted) throw new DixaAbortError(method, pathTemplate, { attempts: attempt });
    const detail = options.redact.text(describeNetworkFailure(error));
    throw new DixaNetworkError(method, pathTemplate, safePath(request, options), detail, {
      attempts: attempt,
    });
  } finally {
    ticket?.settle();
    clearTimeout(timer);
    caller?.removeEventListener("abort", onCallerAbort);
  }
}

/**
 * How one attempt goes out. With the global fetch, straight as `fetch(url, init)`: no Request of
 * our own to build. An injected fetch gets a Request, as its type promises.
 */
function sender(custom: FetchLike | undefined): SendOnce {
  if (custom === undefined) {
    return (request, signal) =>
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal,
      });
  }
  return (request, signal) =>
    custom(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
      }),
      { signal },
    );
}

function safePath(request: OutgoingRequest, options: TransportOptions): string {
  return options.redact.text(request.path);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function redactBytes(bytes: Uint8Array, redact: Redactor): Uint8Array {
  if (bytes.byteLength === 0) return bytes;
  const text = decoder.decode(bytes);
  const clean = redact.text(text);
  return clean === text ? bytes : encoder.encode(clean);
}

/**
 * A copy of an answer's headers with the token removed from every value. `content-length` is
 * left out when the body was rewritten too (its length may no longer match).
 */
export function redactHeaders(
  headers: Headers,
  redact: Redactor,
  { bodyRewritten }: { bodyRewritten: boolean },
): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    if (!(bodyRewritten && name === "content-length")) copy.set(name, redact.text(value));
  });
  return copy;
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
