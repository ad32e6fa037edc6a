/**
 * How every facade operation talks to the API: build the request (the generated code already
 * knows the method and the filled-in path), send it through the core's transport (limiter,
 * retries, time limits), map a non-2xx answer to DixaApiError, and unwrap what the operation
 * promises. Four small functions, so an app bundles only the kinds of call it makes.
 */
import { coreState, type CoreState, type DixaCore } from "./core.js";
import { DixaApiError, DixaMalformedResponseError } from "./errors.js";
import { resolveCallOptions } from "./http/call-options.js";
import { parseRetryAfter } from "./http/retry-after.js";
import { queryString } from "./http/request-url.js";
import { redactHeaders, type Exchange } from "./http/transport.js";
import { Paginated, type PageBody } from "./paginate.js";
import type { CallOptions, DixaResponseInfo } from "./types.js";
import { assertListQuery } from "./validate.js";

/** The query of one call, as given. */
export type Query = Readonly<Record<string, unknown>> | undefined;

/** A request body: JSON-serialisable data, a FormData sent as multipart, or JSON text (`Json`). */
export type Body = unknown;

/** A body already serialised (by `toJson`), sent as is. */
export class Json {
  constructor(readonly text: string) {}
}

const decoder = new TextDecoder();

/** Sends one request; resolves with the parsed body (undefined for an empty one). */
export async function callBody<T>(
  core: DixaCore,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
): Promise<T | undefined> {
  const state = coreState(core);
  const exchange = await send(state, method, pathTemplate, path, query, body, options);
  const ok = exchange.status >= 200 && exchange.status <= 299;
  if (!ok || options?.onResponse !== undefined) {
    const info = responseInfo(state, exchange, method, pathTemplate);
    options?.onResponse?.(info);
    if (!ok) throw apiError(exchange, info);
  }
  if (exchange.bytes.byteLength === 0) return undefined;
  const text = decoder.decode(exchange.bytes);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DixaMalformedResponseError(
      method,
      pathTemplate,
      exchange.status,
      `a body that is not JSON (${describeText(text)})`,
    );
  }
}

/**
 * Sends one request and returns the whole answer, which must be a JSON object: for answers
 * where more than `data` matters (`partialErrors` beside it).
 */
export async function callObject<T>(
  core: DixaCore,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
): Promise<T> {
  const answer = await callBody<T>(core, method, pathTemplate, path, query, body, options);
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
    throw new DixaMalformedResponseError(
      method,
      pathTemplate,
      200,
      "a body that is not a JSON object",
    );
  }
  return answer;
}

/** Sends one request and returns what is inside Dixa's `{ data }` envelope. */
export async function callData<T>(
  core: DixaCore,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
): Promise<T> {
  const answer = await callBody<{ data?: T }>(
    core,
    method,
    pathTemplate,
    path,
    query,
    body,
    options,
  );
  if (typeof answer !== "object" || answer === null || !("data" in answer)) {
    throw new DixaMalformedResponseError(
      method,
      pathTemplate,
      200,
      "a body without the `{ data }` envelope",
    );
  }
  return answer.data as T;
}

/** Sends one request whose success answer carries nothing the caller needs (204, 202). */
export async function callVoid(
  core: DixaCore,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
): Promise<void> {
  await callBody(core, method, pathTemplate, path, query, body, options);
}

/**
 * A lazily fetched, `for await`-able list over a paged endpoint. The options, query and page
 * size are checked now, so a mistake is a TypeError at the call, not at the first iteration.
 */
export function callPages<Item>(
  core: DixaCore,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
  maxPageLimit?: number,
): Paginated<Item> {
  resolveCallOptions(options, coreState(core));
  assertListQuery(query ?? {}, maxPageLimit);
  // A POST-paged search is sent again with the same body for each page: serialise it once.
  const sent =
    body === undefined || body instanceof Json ? body : toJson(body, method, pathTemplate);
  return new Paginated<Item>(
    async (pageKey) => {
      const pageQuery = pageKey === undefined ? query : { ...query, pageKey };
      const page = await callBody(core, method, pathTemplate, path, pageQuery, sent, options);
      return page as PageBody<Item>;
    },
    { method, pathTemplate },
  );
}

/** A request body as JSON, or a TypeError naming the operation (a BigInt, a cycle...). */
export function toJson(value: unknown, method: string, pathTemplate: string): Json {
  try {
    return new Json(JSON.stringify(value));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(
      `${method} ${pathTemplate}: the request body cannot be sent as JSON (${reason})`,
    );
  }
}

async function send(
  state: CoreState,
  method: string,
  pathTemplate: string,
  path: string,
  query: Query,
  body: Body,
  options: CallOptions | undefined,
): Promise<Exchange> {
  const call = resolveCallOptions(options, state);
  let headers = call.headers === undefined ? state.headers : { ...state.headers, ...call.headers };
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (body !== undefined) {
    if (typeof FormData !== "undefined" && body instanceof FormData) {
      // Encoded once, so every attempt sends the very same bytes under the same boundary.
      const encoded = new Response(body);
      payload = new Uint8Array(await encoded.arrayBuffer());
      headers = { ...headers, "Content-Type": encoded.headers.get("content-type")! };
    } else {
      payload = (body instanceof Json ? body : toJson(body, method, pathTemplate)).text;
      headers = { ...headers, "Content-Type": "application/json" };
    }
  }
  return state.transport({
    method,
    pathTemplate,
    path,
    url: state.baseUrl + path + queryString(query),
    headers,
    body: payload,
    signal: call.signal,
    timeoutMs: call.timeoutMs,
    retry: call.retry,
    priority: call.priority,
  });
}

/** What the caller may see of an exchange: the answer's headers without the token. */
function responseInfo(
  state: CoreState,
  exchange: Exchange,
  method: string,
  pathTemplate: string,
): DixaResponseInfo {
  // Error answers were redacted by the transport already; a success's headers are copied here.
  const ok = exchange.status >= 200 && exchange.status <= 299;
  const headers = ok
    ? redactHeaders(exchange.headers, state.redact, { bodyRewritten: false })
    : exchange.headers;
  return {
    status: exchange.status,
    headers,
    method,
    pathTemplate,
    path: state.redact.text(exchange.path),
    attempts: exchange.attempts,
    durationMs: exchange.durationMs,
  };
}

function apiError(exchange: Exchange, response: DixaResponseInfo): DixaApiError {
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
    method: response.method,
    pathTemplate: response.pathTemplate,
    path: response.path,
    serverMessage: serverMessage(body, exchange.statusText, exchange.status),
    body,
    retryAfter: parseRetryAfter(exchange.headers.get("retry-after")),
    attempts: exchange.attempts,
    response,
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
