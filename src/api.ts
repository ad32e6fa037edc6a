import { DixaApiError, DixaMalformedResponseError } from "./errors.js";
import { resolveCallOptions } from "./http/call-options.js";
import { parseRetryAfter } from "./http/retry-after.js";
import { expandPath, queryString } from "./http/request-url.js";
import type { ResolvedRetry } from "./http/retry-policy.js";
import type { Exchange, Transport } from "./http/transport.js";
import { Paginated, type PageBody } from "./paginate.js";
import type { Redactor } from "./redact.js";
import { assertListQuery } from "./validate.js";
import type {
  CallOptions,
  HttpMethod,
  ListItem,
  PathsWith,
  ResponseBody,
  ResponseData,
} from "./types.js";

/** Path, query and body of one call. */
export interface CallInit {
  params?: { path?: Record<string, unknown> | undefined; query?: Record<string, unknown> };
  /** JSON-serialisable data, or a FormData sent as multipart. */
  body?: unknown;
  /** A body already serialised as JSON (by `json`), instead of `body`. */
  json?: string;
}

/** What the facade's calls share: where to send, with which headers, through which transport. */
export interface ApiCore {
  baseUrl: string;
  /** Authorization, User-Agent, Accept. */
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  retry: ResolvedRetry;
  transport: Transport;
  redact: Redactor;
}

const decoder = new TextDecoder();

/**
 * The facade's one way to the API: every resource method goes through `send`, `data`, `void` or
 * `list`. It builds the request itself (the generated path and method are known, so there is
 * nothing for a generic client to work out), sends it through the same transport as
 * `client.raw` (limiter, retries, time limits), maps non-2xx answers to DixaApiError and unwraps
 * Dixa's `{ data }` envelope.
 */
export class DixaApi {
  // Private to the class (not even `inspect` shows it): the headers hold the token.
  readonly #core: ApiCore;

  constructor(core: ApiCore) {
    this.#core = core;
  }

  /** Sends one request; resolves with the parsed body (undefined for an empty one). */
  async send<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options?: CallOptions,
  ): Promise<ResponseBody<P, M> | undefined> {
    const upper = method.toUpperCase();
    const exchange = await this.exchange(upper, pathTemplate, init, options);
    if (exchange.status < 200 || exchange.status > 299) {
      throw apiError(exchange, upper, pathTemplate, this.#core.redact);
    }
    if (exchange.bytes.byteLength === 0) return undefined;
    const text = decoder.decode(exchange.bytes);
    try {
      return JSON.parse(text) as ResponseBody<P, M>;
    } catch {
      throw new DixaMalformedResponseError(
        upper,
        pathTemplate,
        exchange.status,
        `a body that is not JSON (${describeText(text)})`,
      );
    }
  }

  /** Sends one request and returns what is inside the `{ data }` envelope. */
  async data<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options?: CallOptions,
  ): Promise<ResponseData<P, M>> {
    const body = await this.send(method, pathTemplate, init, options);
    if (typeof body !== "object" || body === null || !("data" in body)) {
      throw new DixaMalformedResponseError(
        method.toUpperCase(),
        pathTemplate,
        200,
        "a body without the `{ data }` envelope",
      );
    }
    return (body as { data: ResponseData<P, M> }).data;
  }

  /** Sends one request whose success answer has no body (204, 202). */
  async void<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options?: CallOptions,
  ): Promise<void> {
    await this.send(method, pathTemplate, init, options);
  }

  /** A lazily fetched, `for await`-able list over a paged endpoint. */
  list<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options?: CallOptions,
  ): Paginated<ListItem<P, M>> {
    const upper = method.toUpperCase();
    // Checked now, so a bad option or path parameter is a TypeError at the call, not at the
    // first iteration.
    this.check(pathTemplate, init.params?.path, options);
    assertListQuery(init.params?.query ?? {});
    return new Paginated<ListItem<P, M>>(
      async (pageKey) => {
        const query = { ...init.params?.query, ...(pageKey === undefined ? {} : { pageKey }) };
        const page = await this.send(
          method,
          pathTemplate,
          { ...init, params: { ...init.params, query } },
          options,
        );
        return page as unknown as PageBody<ListItem<P, M>>;
      },
      { method: upper, pathTemplate },
    );
  }

  /** A request body as JSON text, or a TypeError naming the operation. */
  json(value: unknown, method: string, pathTemplate: string): string {
    return jsonBody(value, method, pathTemplate);
  }

  /** Checks a call's path parameters and options without sending anything. */
  check(
    pathTemplate: string,
    path: Record<string, unknown> | undefined,
    options: CallOptions | undefined,
  ): void {
    resolveCallOptions(options, this.#core);
    expandPath(pathTemplate, path);
  }

  /** The text with the token removed, in whatever form it appears. */
  redactText(text: string): string {
    return this.#core.redact.text(text);
  }

  /** A copy of parsed data with the token removed from every string and key. */
  redactData<T>(value: T): T {
    return this.#core.redact.data(value);
  }

  private async exchange(
    method: string,
    pathTemplate: string,
    init: CallInit,
    options: CallOptions | undefined,
  ): Promise<Exchange> {
    const core = this.#core;
    const call = resolveCallOptions(options, core);
    const path = expandPath(pathTemplate, init.params?.path);
    let headers = core.headers;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.json !== undefined) {
      body = init.json;
      headers = { ...headers, "Content-Type": "application/json" };
    } else if (init.body !== undefined) {
      if (typeof FormData !== "undefined" && init.body instanceof FormData) {
        // Encoded once, so every attempt sends the very same bytes under the same boundary.
        const encoded = new Response(init.body);
        body = new Uint8Array(await encoded.arrayBuffer());
        headers = { ...headers, "Content-Type": encoded.headers.get("content-type")! };
      } else {
        body = jsonBody(init.body, method, pathTemplate);
        headers = { ...headers, "Content-Type": "application/json" };
      }
    }
    return core.transport({
      method,
      pathTemplate,
      path,
      url: core.baseUrl + path + queryString(init.params?.query),
      headers,
      body,
      signal: call.signal,
      timeoutMs: call.timeoutMs,
      retry: call.retry,
    });
  }
}

/** The JSON text of a request body, or a TypeError naming the operation (a BigInt, a cycle...). */
export function jsonBody(value: unknown, method: string, pathTemplate: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(
      `${method} ${pathTemplate}: the request body cannot be sent as JSON (${reason})`,
    );
  }
}

function apiError(
  exchange: Exchange,
  method: string,
  pathTemplate: string,
  redact: Redactor,
): DixaApiError {
  // The transport already removed the token from error answers; parse them into plain data.
  const text = decoder.decode(exchange.bytes);
  let body: unknown = text === "" ? undefined : text;
  try {
    if (text !== "") body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return new DixaApiError({
    status: exchange.status,
    method,
    pathTemplate,
    path: redact.text(exchange.path),
    serverMessage: serverMessage(body, exchange.statusText, exchange.status),
    body,
    retryAfter: parseRetryAfter(exchange.headers.get("retry-after")),
    attempts: exchange.attempts,
  });
}

function serverMessage(body: unknown, statusText: string, status: number): string {
  if (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { message?: unknown }).message === "string"
  ) {
    const message = (body as { message: string }).message.trim();
    if (message !== "") return message;
  }
  return statusText || `HTTP ${status}`;
}

function describeText(text: string): string {
  const start = text.trimStart().slice(0, 1);
  if (start === "<") return "an HTML page";
  return `${text.length} characters`;
}
