import {
  DixaAbortError,
  DixaError,
  DixaMalformedResponseError,
  DixaNetworkError,
  DixaRedirectError,
  DixaTimeoutError,
} from "../errors.js";
import type { Redactor } from "../redact.js";
import { redactedHeaders, type DixaEvent, type DixaEventBase, type EventHook } from "./events.js";
import type { GuardedHook } from "./hook-errors.js";
import type { RateLimit, RateLimitPriority, RateLimitTicket } from "./rate-limit.js";
import { readBodyWithin } from "./read-body.js";
import { isRedirect, nextHop, type Hop } from "./redirects.js";
import { decideRetry, type ResolvedRetry } from "./retry-policy.js";
import { utf8Bytes, utf8Text } from "../utf8.js";

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
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
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
  /** The URL the answer came from (after same-origin redirects), not redacted. */
  url: string;
  status: number;
  /**
   * The status text and headers, with the token removed from an error answer's (whose body is
   * redacted too); a success's are as received, so a call that never shows them pays nothing:
   * show them through {@link shownHeaders}.
   */
  statusText: string;
  headers: Headers;
  bytes: Uint8Array;
  /** How many times the request was sent. */
  attempts: number;
  /** From the first attempt to the end of the answer, retries and waits included. */
  durationMs: number;
  /**
   * The call's events (set when there is an `onEvent` hook): response validation reports
   * through it after the transport is done, with the call's id and the hook's guard.
   */
  emit?: Emit;
}

export interface TransportOptions {
  /** Undefined: the global fetch, looked up when the first request goes. */
  fetch: FetchLike | undefined;
  /** Undefined when rate limiting is off. */
  limiter: RateLimit | undefined;
  onEvent: EventHook | undefined;
  /** Runs `onEvent` so that what it throws is reported, never thrown into the call. */
  guard: GuardedHook;
  redact: Redactor;
  /** Largest answer body read into memory. */
  maxResponseBytes: number;
  /** The client's lane in the rate limiter, for calls that name none. */
  priority: RateLimitPriority;
}

export type Transport = (request: OutgoingRequest) => Promise<Exchange>;

type SendOnce = (hop: Hop, signal: AbortSignal) => Promise<Response>;

/**
 * Every request of the client, `client.raw` included, goes through the transport. Per attempt it
 * waits for the rate limiter, sends, and reads the whole body under the time limit (so a
 * connection cut mid-body is a network error here and can be retried, not a parse error later);
 * a same-origin redirect is followed by the transport itself, each hop admitted by the limiter
 * again; between attempts it applies the retry policy. Failures become DixaErrors that name the
 * operation and the attempts made, never the token. Error answers are returned redacted (status
 * text, header names and values, body), since `client.raw` hands them to callers as data; a
 * success's status text and headers are redacted when shown (`shownHeaders`).
 */
export function createTransport(options: TransportOptions): Transport {
  const { onEvent, redact, guard } = options;
  const sendOnce = sender(options.fetch);
  if (onEvent === undefined) return (request) => run(request, sendOnce, options, undefined);
  return async (request) => {
    const base = {
      callId: ++lastCallId,
      method: request.method,
      pathTemplate: request.pathTemplate,
    };
    // A throwing hook must not change the call's outcome (a note created, then an error thrown,
    // invites a duplicate) nor end the process: its error is reported once, through onHookError.
    const emit: Emit = (event) =>
      guard({ hook: "onEvent", eventType: event.type, ...base }, () =>
        onEvent({ ...base, ...event } as DixaEvent),
      );
    const started = performance.now();
    const url = redact.text(request.url);
    // The lane, when a limiter has lanes to put the call in.
    if (options.limiter === undefined) emit({ type: "call-start", url });
    else emit({ type: "call-start", url, priority: request.priority ?? options.priority });
    try {
      const exchange = await run(request, sendOnce, options, emit);
      const durationMs = performance.now() - started;
      emit({ type: "call-end", attempts: exchange.attempts, durationMs, status: exchange.status });
      exchange.emit = emit;
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

/** Reports one event of a call: the call's id, method and path added, through the hook's guard. */
export type Emit = (event: DistributiveOmit<DixaEvent, keyof DixaEventBase>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The attempts of one call, with the waits, the events and the retry policy between them. */
async function run(
  request: OutgoingRequest,
  sendOnce: SendOnce,
  options: TransportOptions,
  emit: Emit | undefined,
): Promise<Exchange> {
  const { redact } = options;
  const { method, pathTemplate } = request;
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    let response: Answer | undefined;
    let error: DixaError | undefined;
    try {
      response = await attemptWithRedirects(request, sendOnce, options, emit, attempt);
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
        url: answer.url,
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
  /** The URL it came from. */
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array;
}

/**
 * One attempt: the request, then each same-origin redirect, every one of them admitted by the
 * limiter and reported as a `request` and a `response` event of the same attempt.
 */
async function attemptWithRedirects(
  request: OutgoingRequest,
  sendOnce: SendOnce,
  options: TransportOptions,
  emit: Emit | undefined,
  attempt: number,
): Promise<Answer> {
  const { redact } = options;
  let hop: Hop = request;
  for (let redirects = 0; ; redirects++) {
    const ticket = await admit(request, options, emit, attempt);
    emit?.({
      type: "request",
      url: redact.text(hop.url),
      attempt,
      headers: redactedHeaders(hop.headers, redact),
      redirects,
      requestMethod: hop.method,
    });
    const sentAt = performance.now();
    const answer = await sendHop(request, hop, sendOnce, options, attempt, ticket);
    emit?.({
      type: "response",
      attempt,
      status: answer.status,
      durationMs: performance.now() - sentAt,
    });
    if (!isRedirect(answer.status, answer.headers)) return answer;
    hop = nextHop(hop, answer, redirects, { ...request, redact });
  }
}

/** Waits for the limiter (when there is one) to let one request go. */
async function admit(
  request: OutgoingRequest,
  options: TransportOptions,
  emit: Emit | undefined,
  attempt: number,
): Promise<RateLimitTicket | undefined> {
  const { limiter } = options;
  if (limiter === undefined) return undefined;
  const priority = request.priority ?? options.priority;
  const granted = await limiter.acquire(request.signal, { priority }).catch(() => {
    throw new DixaAbortError(request.method, request.pathTemplate, { attempts: attempt - 1 });
  });
  const ticket = typeof granted === "object" && granted !== null ? granted : undefined;
  const waitedMs = ticket?.waitedMs ?? (typeof granted === "number" ? granted : 0);
  if (waitedMs > 0) emit?.({ type: "rate-limit-wait", waitedMs, priority, attempt });
  return ticket;
}

/**
 * One request sent: send, read the whole body (a redirect's is skipped), all under the time
 * limit and the caller's signal.
 */
async function sendHop(
  request: OutgoingRequest,
  hop: Hop,
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
  // An answer refused while its body is read: thrown as is, whatever the abort then causes.
  let refused: DixaError | undefined;
  const refuse = (error: DixaError) => {
    refused = error;
    controller.abort();
    return error;
  };
  try {
    // Through the ticket, so the limiter sees when the request leaves.
    const send = () => sendOnce(hop, controller.signal);
    const response = await (ticket?.dispatch?.(send) ?? send());
    // The server has seen the request by now: the limiter may stop counting it as on its way.
    ticket?.settle();
    const answer = { url: hop.url, status: response.status, statusText: response.statusText };
    if (response.type === "opaqueredirect") {
      throw refuse(
        new DixaRedirectError(
          method,
          pathTemplate,
          safePath(request, options),
          0,
          undefined,
          "a redirect this runtime does not let the client see, so it cannot be checked; not followed",
        ),
      );
    }
    if (response.status < 200 || response.status > 599) {
      throw refuse(
        new DixaMalformedResponseError(
          method,
          pathTemplate,
          response.status,
          "a status outside HTTP's 200 to 599",
        ),
      );
    }
    if (isRedirect(response.status, response.headers)) {
      await response.body?.cancel().catch(() => undefined);
      return { ...answer, headers: response.headers, bytes: new Uint8Array(0) };
    }
    const bytes = await readBodyWithin(response, options.maxResponseBytes, () =>
      refuse(
        new DixaMalformedResponseError(
          method,
          pathTemplate,
          response.status,
          `a body larger than maxResponseBytes (${options.maxResponseBytes} bytes); the connection was closed`,
        ),
      ),
    );
    return { ...answer, headers: response.headers, bytes };
  } catch (error) {
    if (refused !== undefined) throw refused;
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
  // `redirect: "manual"`: the transport follows redirects itself, one limiter admission each,
  // and never to another origin.
  if (custom === undefined) {
    return (hop, signal) =>
      fetch(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body ?? null,
        redirect: "manual",
        signal,
      });
  }
  return (hop, signal) =>
    custom(
      new Request(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body ?? null,
        redirect: "manual",
      }),
      { signal },
    );
}

function safePath(request: OutgoingRequest, options: TransportOptions): string {
  return options.redact.text(request.path);
}

function redactBytes(bytes: Uint8Array, redact: Redactor): Uint8Array {
  if (bytes.byteLength === 0) return bytes;
  const text = utf8Text(bytes);
  const clean = redact.text(text);
  return clean === text ? bytes : utf8Bytes(clean);
}

/** An exchange's status text and headers fit to show, the token removed, success or not. */
export function shownHeaders(
  exchange: Exchange,
  redact: Redactor,
): { statusText: string; headers: Headers } {
  if (exchange.status < 200 || exchange.status > 299) return exchange; // redacted already
  // One test over all of it first: the usual answer holds no trace of the token, and is shown
  // as it came, without a copy.
  let all = exchange.statusText;
  exchange.headers.forEach((value, name) => (all += `\n${name}: ${value}`));
  if (redact.text(all) === all) return exchange;
  return {
    statusText: redact.text(exchange.statusText),
    headers: redactHeaders(exchange.headers, redact, { bodyRewritten: false }),
  };
}

/**
 * A copy of an answer's headers with the token removed from every name and value.
 * `content-length` is left out when the body was rewritten too (its length may no longer match).
 */
export function redactHeaders(
  headers: Headers,
  redact: Redactor,
  { bodyRewritten }: { bodyRewritten: boolean },
): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    if (!(bodyRewritten && name === "content-length")) {
      copy.append(redact.headerName(name), redact.text(value));
    }
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
