/**
 * Type helpers that read the facade's parameter and result types straight out of the generated
 * `paths`, so a regenerated spec flows through and a breaking change breaks the build.
 */
import type { components, operations, paths } from "../generated/dixa-beta.js";
import type { HeadersOption } from "./http/header-text.js";
import type { RateLimitPriority } from "./http/lanes.js";
import type { RetryOptions } from "./http/retry-policy.js";
import type { ValidateResponses } from "./validation/mode.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Paths that declare the given method. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: unknown } ? P : never;
}[keyof paths];

export type Operation<P extends keyof paths, M extends HttpMethod> = paths[P][M];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | "2XX";

/** The JSON (else the only) media type of a response or request body object. */
type ContentOf<Body> = Body extends { content: infer C }
  ? "application/json" extends keyof C
    ? C["application/json"]
    : C[keyof C]
  : undefined;

type Responses<P extends PathsWith<M>, M extends HttpMethod> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/**
 * The whole body of the success response, envelope included. Read directly (no deep mapped
 * types) so editors show the schema's own name and the compiler does little work.
 */
export type ResponseBody<P extends PathsWith<M>, M extends HttpMethod> = ContentOf<
  Responses<P, M>[Extract<keyof Responses<P, M>, SuccessStatus>]
>;

/** What is inside the `{ data }` envelope of the success response. */
export type ResponseData<P extends PathsWith<M>, M extends HttpMethod> =
  ResponseBody<P, M> extends { data?: infer D } ? NonNullable<D> : never;

/** The item type of a list response. */
export type ListItem<P extends PathsWith<M>, M extends HttpMethod> =
  ResponseData<P, M> extends ReadonlyArray<infer Item> ? Item : never;

/** The request body (JSON, or multipart form fields for uploads). */
export type RequestBody<P extends PathsWith<M>, M extends HttpMethod> = ContentOf<
  NonNullable<Operation<P, M> extends { requestBody?: infer B } ? B : never>
>;

type ParametersOf<P extends PathsWith<M>, M extends HttpMethod> =
  Operation<P, M> extends { parameters: infer Params } ? Params : never;

/** The query parameters, as one object. */
export type QueryParams<P extends PathsWith<M>, M extends HttpMethod> =
  ParametersOf<P, M> extends { query?: infer Q } ? NonNullable<Q> : never;

/**
 * The query parameters of a paged list. `pageKey` is the paginator's, except to resume: given a
 * `nextPageKey` saved from a page, the list starts from the page after that one.
 */
export type ListQuery<P extends PathsWith<M>, M extends HttpMethod> = Omit<
  // Omit of nothing: one object type instead of an intersection, as editors show it.
  Omit<QueryParams<P, M>, "pageKey"> & {
    /** A `nextPageKey` saved from an earlier page of the same list: start from there. */
    pageKey?: string;
  },
  never
>;

type PathParamsOf<P extends PathsWith<M>, M extends HttpMethod> =
  ParametersOf<P, M> extends { path: infer Params } ? NonNullable<Params> : never;

/**
 * Everything the spec says about one operation: its path and query parameters, body, answer,
 * the data inside the answer, one item of a list and one item of a bulk body.
 */
export interface Endpoint<P extends PathsWith<M>, M extends HttpMethod> {
  /** Path parameters by name. */
  path: PathParamsOf<P, M>;
  /** Query parameters, as one object. */
  query: QueryParams<P, M>;
  /** Query parameters of a paged list; `pageKey` only to resume from a saved `nextPageKey`. */
  listQuery: ListQuery<P, M>;
  /** The request body. */
  body: RequestBody<P, M>;
  /** The whole success answer. */
  response: ResponseBody<P, M>;
  /** What is inside the success answer's `{ data }` envelope. */
  data: ResponseData<P, M>;
  /** One item of a list answer (for a bulk operation, one outcome). */
  item: ListItem<P, M>;
  /** One item of a bulk request: its body is a list of them, or holds one in `data`. */
  bulkItem: RequestBody<P, M> extends readonly (infer Item)[]
    ? Item
    : NonNullable<RequestBody<P, M>> extends { data?: readonly (infer Item)[] }
      ? Item
      : never;
}

/**
 * An object type under a name of its own: the same type (assignable both ways, equal for type
 * tests), but editors and the API reference show its name where they would print a schema read
 * out of `components` as its whole shape (an indexed type keeps no name of its own).
 */
export type Named<T> = Omit<T, never>;

/** `Endpoint<P, M>` where P is a path with method M, else never: for tables keyed by route. */
export type EndpointAt<P, M> = M extends HttpMethod
  ? P extends PathsWith<M>
    ? Endpoint<P, M>
    : never
  : never;

/** Options every facade method accepts. */
export interface CallOptions {
  /** Cancels the request, in flight or still waiting for its turn. */
  signal?: AbortSignal;
  /** Time limit for each attempt of this call (headers and body), overriding the client's. */
  timeoutMs?: number;
  /** Retry settings for this call, merged over the client's; `false` sends it once. */
  retry?: RetryOptions | false;
  /**
   * Extra headers for this call (a trace id, `Accept-Language`...), over the client's: a plain
   * object, a `Headers`, a `Map` or a list of pairs. `Authorization` cannot be set here (in any
   * form): the client sends the token it was made with. A `Content-Type` replaces the client's
   * `application/json`; with a `FormData` body it is refused (the multipart boundary is the
   * client's).
   */
  headers?: HeadersOption;
  /**
   * Called with the status, headers and timing of the answer behind the result (for a paged
   * list, of each page; for a bulk call, of each request), without changing what the method
   * returns. A DixaApiError carries the same as `error.response`.
   */
  onResponse?: (response: DixaResponseInfo) => void;
  /**
   * Checks this call's answer against Dixa's (corrected) description, over the client's
   * setting: `"warn"` reports each difference as a `response-mismatch` event, `"strict"` also
   * throws a DixaResponseValidationError when one would break code written against the
   * description, `"off"` skips the check.
   */
  validateResponses?: ValidateResponses;
  /**
   * The call's lane in the rate limiter, over the client's `priority`: "interactive" goes before
   * "normal", which goes before "background", when they wait together (a waiting lane still
   * gets at least one turn in six).
   */
  priority?: RateLimitPriority;
}

/** The exchange behind a result or a DixaApiError: what Dixa answered, and what it took. */
export interface DixaResponseInfo {
  status: number;
  /** The answer's headers, with the token removed from any value that echoed it. */
  headers: Headers;
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`. */
  pathTemplate: string;
  /** The path requested, e.g. `/beta/agents/6b0e…`. */
  path: string;
  /** How many times the request was sent. */
  attempts: number;
  /** From the first attempt to the end of the answer, limiter waits and retries included. */
  durationMs: number;
}
