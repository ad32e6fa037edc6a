import type { DixaResponseInfo } from "./types.js";
import type { ResponseMismatch } from "./validation/mismatch.js";

/**
 * Every failure the client reports is a `DixaError`. Subclasses say what kind of failure it was;
 * none of them holds the request, its headers or the API token, so logging or serialising an
 * error can never leak a credential.
 */
export type DixaErrorKind =
  | "api"
  | "network"
  | "timeout"
  | "aborted"
  | "malformed-response"
  | "bulk-response"
  | "pagination"
  | "response-validation"
  | "redirect"
  /** Something else failed (a custom limiter, an event hook) where the call must report, not throw. */
  | "unexpected";

export interface RequestDescription {
  /** HTTP method, upper case. */
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`. */
  pathTemplate: string;
  /** The concrete path that was requested, e.g. `/beta/agents/6b0e…`. */
  path: string;
}

/**
 * The base of every error the client throws. Its `kind` says which subclass an error is, and
 * TypeScript narrows on it: after `error instanceof DixaError` or `isDixaError(error)`,
 * `switch (error.kind) { case "api": error.status }` compiles.
 */
export class DixaError extends Error {
  override name = "DixaError";
  readonly kind: DixaErrorKind;
  /** How many times the request was sent before giving up (1 when it was not retried). */
  attempts: number | undefined;

  constructor(
    kind: DixaErrorKind,
    message: string,
    options?: { cause?: unknown; attempts?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.attempts = options?.attempts;
  }

  /**
   * `instanceof` as usual; declared so that `error instanceof DixaError` narrows to
   * {@link AnyDixaError}, the union `error.kind` discriminates (a subclass narrows to itself).
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
    // The members of AnyDixaError an `instanceof T` admits; T itself for a class outside it.
  ): value is [Extract<AnyDixaError, T>] extends [never] ? T : Extract<AnyDixaError, T> {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Dixa answered with a non-2xx status. */
export class DixaApiError extends DixaError implements RequestDescription {
  override name = "DixaApiError";
  declare readonly kind: "api";
  readonly status: number;
  readonly method: string;
  readonly pathTemplate: string;
  readonly path: string;
  /** The server's own explanation (Dixa answers `{ "message": "..." }`), else the status text. */
  readonly serverMessage: string;
  /** The parsed error body (JSON when it was JSON, else the text, else undefined). */
  readonly body: unknown;
  /** Seconds the server asked us to wait (from `Retry-After`), when it said. */
  readonly retryAfter: number | undefined;
  /** The exchange: status, headers (the token removed), attempts and time taken. */
  readonly response: DixaResponseInfo | undefined;

  constructor(
    init: RequestDescription & {
      status: number;
      serverMessage: string;
      body: unknown;
      retryAfter?: number | undefined;
      attempts?: number;
      response?: DixaResponseInfo;
      /**
       * The path as it went out, base path included (`/proxy/beta/agents/6b0e…`), token
       * removed: what the message names. Default: `path`.
       */
      sentPath?: string;
    },
  ) {
    super(
      "api",
      `Dixa answered ${init.status} to ${init.method} ${init.sentPath ?? init.path}: ` +
        `${shortened(init.serverMessage)}` +
        `${(init.attempts ?? 1) > 1 ? ` (after ${init.attempts} attempts)` : ""}`,
      { attempts: init.attempts ?? 1 },
    );
    this.status = init.status;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.path = init.path;
    this.serverMessage = init.serverMessage;
    this.body = init.body;
    this.retryAfter = init.retryAfter;
    this.response = init.response;
  }
}

/** The request never got an HTTP answer: refused, reset, DNS failure, body cut short. */
export class DixaNetworkError extends DixaError implements RequestDescription {
  override name = "DixaNetworkError";
  declare readonly kind: "network";
  constructor(
    readonly method: string,
    readonly pathTemplate: string,
    readonly path: string,
    detail: string,
    options?: { cause?: unknown; attempts?: number },
  ) {
    super("network", `${method} ${pathTemplate} failed: ${detail}`, options);
  }
}

/** No complete answer arrived within the request's time limit. */
export class DixaTimeoutError extends DixaError implements RequestDescription {
  override name = "DixaTimeoutError";
  declare readonly kind: "timeout";
  constructor(
    readonly method: string,
    readonly pathTemplate: string,
    readonly path: string,
    readonly timeoutMs: number,
    options?: { attempts?: number },
  ) {
    super("timeout", `${method} ${pathTemplate} timed out after ${timeoutMs} ms`, options);
  }
}

/** The caller's AbortSignal cancelled the request (in flight or still queued). */
export class DixaAbortError extends DixaError {
  override name = "DixaAbortError";
  declare readonly kind: "aborted";
  constructor(
    method: string,
    pathTemplate: string,
    options?: { cause?: unknown; attempts?: number },
  ) {
    super("aborted", `${method} ${pathTemplate} was aborted by the caller`, options);
  }
}

/** A 2xx answer whose body is not what the API promises (not JSON, no `{ data }` envelope...). */
export class DixaMalformedResponseError extends DixaError {
  override name = "DixaMalformedResponseError";
  declare readonly kind: "malformed-response";
  constructor(
    readonly method: string,
    readonly pathTemplate: string,
    readonly status: number,
    detail: string,
  ) {
    super("malformed-response", `${method} ${pathTemplate} answered ${status} with ${detail}`);
  }
}

/** A bulk answer that cannot be paired with its inputs; the raw outcomes are kept, nothing is dropped. */
export class DixaBulkResponseError extends DixaError {
  override name = "DixaBulkResponseError";
  declare readonly kind: "bulk-response";
  constructor(
    message: string,
    readonly inputCount: number,
    readonly outcomes: readonly unknown[],
  ) {
    super("bulk-response", message);
  }
}

/** Paging went wrong on the server's side, e.g. it handed back a `pageKey` it had already given. */
export class DixaPaginationError extends DixaError {
  override name = "DixaPaginationError";
  declare readonly kind: "pagination";
  constructor(
    message: string,
    readonly pagesFetched: number,
  ) {
    super("pagination", message);
  }
}

/**
 * With `validateResponses: "strict"`: a 2xx answer that breaks Dixa's (corrected) description. The
 * request succeeded (a write was made) and is not retried; `mismatches` say where and what kind
 * of value came, never the value.
 */
export class DixaResponseValidationError extends DixaError implements RequestDescription {
  override name = "DixaResponseValidationError";
  declare readonly kind: "response-validation";
  declare readonly method: string;
  declare readonly pathTemplate: string;
  declare readonly path: string;
  declare readonly operationId: string;
  declare readonly status: number;
  declare readonly mismatches: readonly ResponseMismatch[];

  /** @internal Made by the response checker, which writes the message. */
  constructor(
    message: string,
    details: RequestDescription & {
      operationId: string;
      status: number;
      mismatches: readonly ResponseMismatch[];
    },
  ) {
    super("response-validation", message);
    Object.assign(this, details);
  }
}

/**
 * A redirect the client did not follow: to another origin (the token, a per-call header or the
 * body would go there), or one too many. Never retried.
 */
export class DixaRedirectError extends DixaError implements RequestDescription {
  override name = "DixaRedirectError";
  declare readonly kind: "redirect";
  constructor(
    readonly method: string,
    readonly pathTemplate: string,
    readonly path: string,
    /** The redirect's status (301, 302, 303, 307, 308). */
    readonly status: number,
    /** Where the redirect pointed, as an origin (`https://elsewhere.example`), token removed. */
    readonly targetOrigin: string | undefined,
    detail: string,
    options?: { attempts?: number },
  ) {
    super("redirect", `${method} ${path} answered ${status}: ${detail}`, options);
  }
}

/**
 * Every error the client throws, as a union `kind` discriminates:
 * `switch (error.kind) { case "api": error.status; break; case "timeout": error.timeoutMs }`.
 * `isDixaError(error)` and `error instanceof DixaError` narrow to it.
 */
export type AnyDixaError =
  | DixaApiError
  | DixaNetworkError
  | DixaTimeoutError
  | DixaAbortError
  | DixaMalformedResponseError
  | DixaBulkResponseError
  | DixaPaginationError
  | DixaRedirectError
  | DixaResponseValidationError
  | (DixaError & { readonly kind: "unexpected" });

/** True for any error this client throws: branch on its `kind`. */
export function isDixaError(error: unknown): error is AnyDixaError {
  return error instanceof DixaError;
}

/** True for an error answer from Dixa: it carries `status`, the parsed body and `response`. */
export function isDixaApiError(error: unknown): error is DixaApiError {
  return error instanceof DixaApiError;
}

/**
 * Dixa's own explanation of an error answer: the `message` of its JSON body (Dixa answers
 * `{ "message": "..." }`; an `error` string or `error.message` is read too), or a short text
 * body that is not an HTML page; else the status text, else `HTTP <status>`.
 */
export function serverExplanation(body: unknown, statusText: string, status: number): string {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const nested = record["error"];
  const candidates = [
    record["message"],
    nested,
    typeof nested === "object" && nested !== null ? (nested as { message?: unknown }).message : "",
    typeof body === "string" && !body.trimStart().startsWith("<") ? body : "",
  ];
  for (const candidate of candidates) {
    if (typeof candidate === "string" && candidate.trim() !== "") return candidate.trim();
  }
  return statusText || `HTTP ${status}`;
}

/** Longest server explanation quoted in a message; the whole one stays in `serverMessage`. */
const maxQuoted = 300;

/** One line, at most {@link maxQuoted} characters: a server's text fit for a message. */
function shortened(text: string): string {
  const line = text.replace(/\s+/g, " ");
  if (line.length <= maxQuoted) return line;
  // Never cut a surrogate pair in two.
  const end = /[\uD800-\uDBFF]/.test(line[maxQuoted - 2]!) ? maxQuoted - 2 : maxQuoted - 1;
  return `${line.slice(0, end)}…`;
}
