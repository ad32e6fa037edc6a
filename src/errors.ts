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
}

/** Dixa answered with a non-2xx status. */
export class DixaApiError extends DixaError implements RequestDescription {
  override name = "DixaApiError";
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
    },
  ) {
    super(
      "api",
      `Dixa answered ${init.status} to ${init.method} ${init.pathTemplate}` +
        `${init.path !== init.pathTemplate ? ` (${init.path})` : ""}: ${init.serverMessage}` +
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

/** True for any error this client throws: branch on its `kind`. */
export function isDixaError(error: unknown): error is DixaError {
  return error instanceof DixaError;
}

/** True for an error answer from Dixa: it carries `status`, the parsed body and `response`. */
export function isDixaApiError(error: unknown): error is DixaApiError {
  return error instanceof DixaApiError;
}
