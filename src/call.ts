/**
 * How every facade operation talks to the API: one request object (method, path template, the
 * path as sent, query, body, per-call options) goes through one send path (the core's transport:
 * limiter, retries, time limits), a non-2xx answer becomes a DixaApiError, and the answer is
 * unwrapped as the operation promises: the `{ data }` envelope, the whole object, nothing, or
 * pages. Small functions, so an app bundles only the kinds of call it makes.
 */
import { coreState, type CoreState, type DixaCore } from "./core.js";
import { DixaApiError, serverExplanation } from "./errors.js";
import {
  envelopeData,
  malformed,
  objectBody,
  type DataShape,
  type ParsedAnswer,
} from "./http/answer-shape.js";
import { resolveCallOptions } from "./http/call-options.js";
import { buildRequest, Json, toJson } from "./http/outgoing-request.js";
import { parseRetryAfter } from "./http/retry-after.js";
import { queryString } from "./http/request-url.js";
import { shownHeaders, type Exchange } from "./http/transport.js";
import { Paginated } from "./paginate.js";
import type { CallOptions, DixaResponseInfo } from "./types.js";
import { assertListQuery, assertNonEmptyString } from "./validate.js";
import { validateAnswer } from "./validation/validate-answer.js";
import { utf8Text } from "./utf8.js";

export { Json, toJson };

/** The query of one call, as given. */
export type Query = Readonly<Record<string, unknown>> | undefined;

/** A request body: JSON-serialisable data, a FormData sent as multipart, or JSON text (`Json`). */
export type Body = unknown;

/** One request to the API, as an operation describes it. */
export interface ApiRequest {
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`: names the operation in errors. */
  pathTemplate: string;
  /** The path as sent, parameters filled in and encoded. */
  path: string;
  query?: Query;
  body?: Body;
  options?: CallOptions | undefined;
}

/** Sends one request; resolves with the parsed body (undefined for an empty one). */
export async function callBody<T>(core: DixaCore, request: ApiRequest): Promise<T | undefined> {
  return (await callAnswer(core, request)).body as T | undefined;
}

/** Sends one request; resolves with the success status and the parsed body. */
async function callAnswer(core: DixaCore, request: ApiRequest): Promise<ParsedAnswer> {
  const { method, pathTemplate, options } = request;
  const state = coreState(core);
  const exchange = await send(state, request);
  const ok = exchange.status >= 200 && exchange.status <= 299;
  const onResponse = options?.onResponse;
  if (!ok || onResponse !== undefined) {
    const info = responseInfo(state, exchange, method, pathTemplate);
    // The user's hook sees the exchange but cannot change the call's outcome.
    if (onResponse !== undefined) {
      state.guard({ hook: "onResponse", method, pathTemplate }, () => onResponse(info));
    }
    if (!ok) throw apiError(state, exchange, info);
  }
  const answer = { status: exchange.status, body: undefined as unknown };
  if (exchange.bytes.byteLength > 0)
    answer.body = parseJson(exchange, answer, method, pathTemplate);
  const mode = options?.validateResponses ?? state.validateResponses;
  if (mode !== "off")
    await validateAnswer(state, mode, method, pathTemplate, exchange, answer.body);
  return answer;
}

function parseJson(
  exchange: Exchange,
  answer: ParsedAnswer,
  method: string,
  pathTemplate: string,
): unknown {
  const text = utf8Text(exchange.bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(
      answer,
      { method, pathTemplate },
      `a body that is not JSON (${describeText(text)})`,
    );
  }
}

/**
 * Sends one request and returns the whole answer, which must be a JSON object: for answers
 * where more than `data` matters (`partialErrors` beside it).
 */
export async function callObject<T>(core: DixaCore, request: ApiRequest): Promise<T> {
  return objectBody<T>(await callAnswer(core, request), request);
}

/**
 * Sends one request and returns what is inside Dixa's `{ data }` envelope, which must be an
 * object or a list (the one `shape` names, when given: what the spec describes).
 */
export async function callData<T>(
  core: DixaCore,
  request: ApiRequest,
  shape?: DataShape,
): Promise<T> {
  return envelopeData<T>(await callAnswer(core, request), request, shape);
}

/** Sends one request whose success answer carries nothing the caller needs (204, 202). */
export async function callVoid(core: DixaCore, request: ApiRequest): Promise<void> {
  await callAnswer(core, request);
}

/**
 * A lazily fetched, `for await`-able list over a paged endpoint. The options, query and page
 * size are checked now, so a mistake is a TypeError at the call, not at the first iteration.
 */
export function callPages<Item>(
  core: DixaCore,
  request: ApiRequest,
  maxPageLimit?: number,
): Paginated<Item> {
  const { method, pathTemplate, query, body, options } = request;
  resolveCallOptions(options, coreState(core));
  assertListQuery(query ?? {}, maxPageLimit);
  // A saved pageKey resumes the listing from that page: the pager owns it from there.
  const { pageKey: startKey, ...rest } = query ?? {};
  if (startKey !== undefined) assertNonEmptyString(startKey, "query.pageKey");
  // A POST-paged search is sent again with the same body for each page: serialise it once.
  const sent =
    body === undefined || body instanceof Json ? body : toJson(body, method, pathTemplate);
  return new Paginated<Item>(
    (pageKey) =>
      callAnswer(core, {
        ...request,
        query: pageKey === undefined ? rest : { ...rest, pageKey },
        body: sent,
      }),
    { method, pathTemplate },
    startKey,
  );
}

/** The one send path: every call of every operation reaches the transport here. */
async function send(state: CoreState, request: ApiRequest): Promise<Exchange> {
  const { method, pathTemplate, path, query, body, options } = request;
  const call = resolveCallOptions(options, state);
  const search = queryString(query);
  return state.transport(
    await buildRequest(state, { method, pathTemplate, path, search, body, call }),
  );
}

/** What the caller may see of an exchange: the answer's headers without the token. */
function responseInfo(
  state: CoreState,
  exchange: Exchange,
  method: string,
  pathTemplate: string,
): DixaResponseInfo {
  return {
    status: exchange.status,
    headers: shownHeaders(exchange, state.redact).headers,
    method,
    pathTemplate,
    path: state.redact.text(exchange.path),
    attempts: exchange.attempts,
    durationMs: exchange.durationMs,
  };
}

function apiError(state: CoreState, exchange: Exchange, response: DixaResponseInfo): DixaApiError {
  // The transport already removed the token from error answers; parse them into plain data.
  const text = utf8Text(exchange.bytes);
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
    sentPath: state.redact.text(new URL(exchange.url).pathname),
    serverMessage: serverExplanation(body, exchange.statusText, exchange.status),
    body,
    retryAfter: parseRetryAfter(exchange.headers.get("retry-after")),
    attempts: exchange.attempts,
    response,
  });
}

function describeText(text: string): string {
  const start = text.trimStart().slice(0, 1);
  if (start === "<") return "an HTML page";
  return `${text.length} characters`;
}
