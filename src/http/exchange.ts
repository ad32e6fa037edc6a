import type { RetryOptions } from "./retry-policy.js";

/**
 * What the pipeline knows about one request, carried beside the Request and Response objects
 * (never on them, and never including headers): the transport reads the per-call options, the
 * facade reads the outcome to build precise errors.
 */
export interface RequestInfo {
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`. */
  pathTemplate: string;
  /** Per-call time limit, when the caller gave one. */
  timeoutMs: number | undefined;
  /** Per-call retry settings, when the caller gave some. */
  retry: RetryOptions | false | undefined;
}

export interface ExchangeInfo {
  /** The concrete path that was requested. */
  path: string;
  /** How many times the request was sent. */
  attempts: number;
}

const requests = new WeakMap<Request, RequestInfo>();
const responses = new WeakMap<Response, ExchangeInfo>();

export function rememberRequest(request: Request, info: RequestInfo): void {
  requests.set(request, info);
}

export function requestInfo(request: Request): RequestInfo {
  return (
    requests.get(request) ?? {
      method: request.method,
      pathTemplate: new URL(request.url).pathname,
      timeoutMs: undefined,
      retry: undefined,
    }
  );
}

export function rememberExchange(response: Response, info: ExchangeInfo): void {
  responses.set(response, info);
}

export function exchangeInfo(response: Response): ExchangeInfo | undefined {
  return responses.get(response);
}
