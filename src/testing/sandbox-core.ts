import { exampleAnswers } from "../../generated/example-answers.js";
import { toResponse, type Answer } from "./answer.js";
import { bulkAnswer } from "./bulk-outcomes.js";
import {
  FaultQueue,
  parseFaultHeader,
  sandboxFaultHeader,
  type QueuedFault,
  type SandboxFault,
} from "./faults.js";
import { deviateResponse } from "./deviations.js";
import { createNote, listNotes } from "./notes.js";
import { pageOf } from "./paging.js";
import { readTextWithin } from "./request-body.js";
import { matchRoute, type Route } from "./routes.js";
import { isRecord } from "./sandbox-data.js";
import { SandboxState, type SandboxAgent, type SandboxNote } from "./sandbox-state.js";
import { errorBody, successStatus } from "./static-answers.js";
import { TokenBuckets } from "./token-buckets.js";

export interface DixaSandboxOptions {
  /**
   * How many items every paged list holds (agents and end users included: the sandbox's
   * agents are the first `listSize` of `GET /beta/agents`). Default 6.
   */
  listSize?: number;
  /** Page size when a request names no `pageLimit`. Default 50. */
  defaultPageLimit?: number;
  /**
   * Dixa's per-token limit, enforced per `Authorization` value at arrival: 429 with
   * `Retry-After` when the bucket is empty. Default `{ burst: 4, requestsPerSecond: 10 }`;
   * `false` turns it off.
   */
  rateLimit?: { burst?: number; requestsPerSecond?: number } | false;
  /** The clock in milliseconds (rate limit, timestamps, `requests[].at`). Default `Date.now`-like. */
  now?: () => number;
  /**
   * The largest request body it reads, in bytes; a larger one is answered 413 without being
   * read further. Default 10 MiB.
   */
  maxRequestBytes?: number;
}

/** One request the sandbox received, for assertions. */
export interface SandboxRequest {
  method: string;
  /** The path as sent, e.g. `/beta/conversations/4711/notes/bulk`. */
  path: string;
  query: Record<string, string>;
  /** The spec's operation, when the path and method are in it. */
  operationId: string | undefined;
  /** The spec's path template, e.g. `/beta/conversations/{conversationId}/notes/bulk`. */
  pathTemplate: string | undefined;
  /** Lower-case header names; `authorization` is redacted (the sandbox never keeps a token). */
  headers: Record<string, string>;
  /** The JSON body parsed, a text body as text, undefined when there was none. */
  body: unknown;
  /** What the sandbox answered: a status, `"reset"`, or undefined while it is being answered. */
  status: number | "reset" | undefined;
  /** Milliseconds since the sandbox was created, by its clock. */
  at: number;
}

/** The faults API: queue faults for coming requests, or drop them. */
export interface SandboxFaults {
  /** The next matching request (or `times` of them) gets this fault. */
  next(fault: QueuedFault): void;
  clear(): void;
  /** How many queued faults are still waiting. */
  readonly pending: number;
}

/** A request as the baseline gets it: its body already read (the core needed it too). */
export interface ForwardedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body text; undefined for none. */
  body: string | undefined;
  signal: AbortSignal;
}

/** The Prism-like answer to fall back on: Prism itself, or the in-process table. */
export type Baseline = (
  request: ForwardedRequest,
  match: { route: Route | undefined; pathExists: boolean },
) => Promise<Response>;

export type SandboxOutcome = { response: Response } | { reset: true };

export interface SandboxCore {
  /** `signal` defaults to the request's own (a fetch given `{ signal }` passes that one). */
  handle(request: Request, baseline: Baseline, signal?: AbortSignal): Promise<SandboxOutcome>;
  readonly requests: SandboxRequest[];
  readonly faults: SandboxFaults;
  readonly agents: readonly SandboxAgent[];
  notes(conversationId: number): SandboxNote[];
  reset(): void;
}

/** Where the HTTP sandbox takes control requests; the in-process one accepts them too. */
export const controlPrefix = "/__sandbox/";

const defaultClock = () =>
  typeof performance === "object" ? performance.timeOrigin + performance.now() : Date.now();

/**
 * The Dixa-like behaviour shared by both sandboxes, on Web `Request`/`Response` only. Per
 * request: record it; take a token from its `Authorization`'s bucket (429 when empty); apply a
 * fault asked for by header or queued (delay, reset, status); ask the baseline (Prism, or the
 * in-process table) for its answer, which stands when it is not a success (Prism's 4xx for a
 * request that breaks the spec); else replace it where a behaviour applies: bulk outcomes per
 * input, paged lists, notes.
 */
export function createSandboxCore(options: DixaSandboxOptions = {}): SandboxCore {
  const listSize = wholeNumber(options.listSize, 6, "listSize", 0);
  const defaultPageLimit = wholeNumber(options.defaultPageLimit, 50, "defaultPageLimit", 1);
  const maxRequestBytes = wholeNumber(
    options.maxRequestBytes,
    10 * 1024 * 1024,
    "maxRequestBytes",
    0,
  );
  const tooLarge: Answer = {
    status: 413,
    body: { message: `Request body larger than the sandbox's limit of ${maxRequestBytes} bytes` },
  };
  const now = options.now ?? defaultClock;
  if (typeof now !== "function") throw new TypeError("createDixaSandbox: `now` must be a function");
  const limit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  if (limit !== undefined && !isRecord(limit)) {
    throw new TypeError("createDixaSandbox: `rateLimit` must be an object or false");
  }
  const buckets =
    limit === undefined
      ? undefined
      : new TokenBuckets(
          wholeNumber(limit.burst, 4, "rateLimit.burst", 1),
          positive(limit.requestsPerSecond, 10, "rateLimit.requestsPerSecond"),
          now,
        );
  const started = now();
  const state = new SandboxState(listSize);
  const queue = new FaultQueue();
  const requests: SandboxRequest[] = [];

  const faults: SandboxFaults = {
    next: (fault) => queue.next(fault),
    clear: () => queue.clear(),
    get pending() {
      return queue.pending;
    },
  };

  const reset = () => {
    state.reset();
    queue.clear();
    buckets?.clear();
    requests.length = 0;
  };

  async function handle(
    request: Request,
    baseline: Baseline,
    signal: AbortSignal = request.signal,
  ): Promise<SandboxOutcome> {
    const arrivedAt = now();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const control = url.pathname.startsWith(controlPrefix);
    // Dixa counts a request when it arrives, before anything else happens to it (even before
    // its body is read); the control endpoints are not part of the API and are not counted.
    const admitted = control
      ? undefined
      : buckets?.take(request.headers.get("authorization") ?? "");
    const read =
      method === "GET" || method === "HEAD"
        ? { text: "" }
        : await readTextWithin(request, maxRequestBytes);
    const text = "text" in read ? read.text : "";
    const body = parseBody(text, request.headers.get("content-type"));
    if (control) {
      return {
        response: toResponse("text" in read ? controlAnswer(method, url.pathname, body) : tooLarge),
      };
    }
    const match = matchPath(method, url.pathname);
    const { route } = match;
    const record: SandboxRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      operationId: route?.operationId,
      pathTemplate: route?.template,
      headers: recordedHeaders(request.headers),
      body,
      status: undefined,
      at: arrivedAt - started,
    };
    requests.push(record);
    const answer = (response: Response): SandboxOutcome => {
      record.status = response.status;
      return { response };
    };

    if ("tooLarge" in read) return answer(toResponse(tooLarge));
    if (match.malformed !== undefined) {
      return answer(toResponse({ status: 400, body: { message: match.malformed } }));
    }
    if (admitted !== undefined && !admitted.admitted) {
      return answer(
        toResponse({
          status: 429,
          headers: { "retry-after": String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))) },
          body: {
            message: `Rate limit exceeded: at most ${buckets!.requestsPerSecond} requests per second, burst ${buckets!.burst}, per API token`,
          },
        }),
      );
    }

    let fault: SandboxFault | undefined;
    const header = request.headers.get(sandboxFaultHeader);
    try {
      fault =
        header === null
          ? queue.take(method, url.pathname, route?.template)
          : parseFaultHeader(header);
    } catch (error) {
      return answer(toResponse({ status: 400, body: { message: (error as Error).message } }));
    }
    if (fault?.delayMs !== undefined) await sleep(fault.delayMs, signal);
    if (fault?.reset === true) {
      record.status = "reset";
      return { reset: true };
    }
    if (fault?.status !== undefined) {
      const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
      return answer(
        toResponse({
          status: fault.status,
          body: errorBody(route, fault.status),
          ...(retryAfter === undefined ? {} : { headers: { "retry-after": String(retryAfter) } }),
        }),
      );
    }

    const forwarded: ForwardedRequest = {
      method,
      url,
      headers: request.headers,
      body: text === "" ? undefined : text,
      signal,
    };
    const base = await baseline(forwarded, match);
    if (route === undefined || base.status < 200 || base.status > 299) return answer(base);
    const replaced = behaviour(route, url, body);
    if (replaced !== undefined) await base.body?.cancel();
    const response = replaced === undefined ? base : toResponse(replaced);
    if (fault?.deviate === undefined) return answer(response);
    try {
      return answer(await deviateResponse(response, fault.deviate));
    } catch (error) {
      return answer(toResponse({ status: 500, body: { message: (error as Error).message } }));
    }
  }

  /** The Dixa-like answer for this operation, or undefined where the example answer stands. */
  function behaviour(route: Route, url: URL, body: unknown): Answer | undefined {
    const status = successStatus(route);
    const conversationId = Number(route.params["conversationId"]);
    if (
      "conversationId" in route.params &&
      !(Number.isSafeInteger(conversationId) && conversationId > 0)
    ) {
      // Prism refuses these before the sandbox sees them; the in-process sandbox must itself.
      return { status: 400, body: { message: "Invalid value for: path parameter conversationId" } };
    }
    const bulk = bulkAnswer(route.key, body, { state, params: route.params, now: now() }, status);
    if (bulk !== undefined) return bulk;
    if (route.key === "POST /beta/conversations/{conversationId}/notes") {
      return createNote(state, conversationId, body, now(), status);
    }
    if (route.key === "GET /beta/conversations/{conversationId}/notes") {
      return listNotes(state, conversationId, status);
    }
    if (route.paged) {
      const items = state.listFor(route.key);
      if (items.length === 0 && listSize > 0) return undefined;
      const example = exampleAnswers[route.key]?.body;
      return pageOf(items, url, defaultPageLimit, isRecord(example) ? example : {});
    }
    return undefined;
  }

  /** `/__sandbox/...`: the HTTP sandbox's control endpoints (faults, reset, requests). */
  function controlAnswer(method: string, path: string, body: unknown): Answer {
    const what = `${method} ${path.slice(controlPrefix.length - 1)}`;
    try {
      switch (what) {
        case "POST /faults":
          queue.next(body as QueuedFault);
          return { status: 204 };
        case "DELETE /faults":
          queue.clear();
          return { status: 204 };
        case "POST /reset":
          reset();
          return { status: 204 };
        case "GET /requests":
          return { status: 200, body: { data: requests } };
        default:
          return {
            status: 404,
            body: {
              message: `No sandbox control ${what}: use POST ${controlPrefix}faults, DELETE ${controlPrefix}faults, POST ${controlPrefix}reset or GET ${controlPrefix}requests`,
            },
          };
      }
    } catch (error) {
      if (error instanceof TypeError) return { status: 400, body: { message: error.message } };
      throw error;
    }
  }

  return {
    handle,
    requests,
    faults,
    get agents() {
      return state.agents;
    },
    notes: (conversationId) => state.notesOf(conversationId),
    reset,
  };
}

/**
 * The route, or why the path cannot be read: a path parameter with a malformed percent-encoding
 * (`%E0%A4%A`) is bad input, answered 400 as Dixa does, not an exception.
 */
function matchPath(
  method: string,
  pathname: string,
): ReturnType<typeof matchRoute> & { malformed?: string } {
  try {
    return matchRoute(method, pathname);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    return {
      route: undefined,
      pathExists: false,
      malformed: `Invalid value for: path (${JSON.stringify(pathname)} is not valid percent-encoding)`,
    };
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === "") return undefined;
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function recordedHeaders(headers: Headers): Record<string, string> {
  const recorded: Record<string, string> = {};
  headers.forEach((value, name) => {
    recorded[name] = name === "authorization" ? "[redacted]" : value;
  });
  return recorded;
}

/** Waits, or rejects with the signal's reason as `fetch` does when the caller aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
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

function wholeNumber(value: unknown, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new TypeError(`createDixaSandbox: \`${name}\` must be a whole number of at least ${min}`);
  }
  return value;
}

function positive(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`createDixaSandbox: \`${name}\` must be a positive number`);
  }
  return value;
}
