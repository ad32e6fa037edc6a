import type { CoreState } from "../core.js";
import type { ResolvedCall } from "./call-options.js";
import { assertNoDotSegments } from "./request-url.js";
import type { OutgoingRequest } from "./transport.js";

/** A body already serialised (by `toJson`), sent as is. */
export class Json {
  constructor(readonly text: string) {}
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

/** What a call wants to send, before the client's own headers and base URL are added. */
export interface RequestParts {
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`: names the operation. */
  pathTemplate: string;
  /** The path below the base URL, parameters filled in: `/beta/agents/6b0e…`. */
  path: string;
  /** The query string with its `?`, or empty. */
  search: string;
  /**
   * The body: data sent as JSON (or `Json`, already serialised), a FormData sent as multipart,
   * bytes sent as they are (`client.raw`, whose openapi-fetch encoded them; the content type is
   * then the one among `headers`), or undefined.
   */
  body: unknown;
  /** The call's checked options; its headers have lower-case names (see `headerRecord`). */
  call: ResolvedCall;
}

/**
 * The one place an outgoing request is built, for the facade's calls and `client.raw` alike: the
 * client's headers (token, user agent, Accept) under the call's, one `Content-Type` (the body's,
 * or the call's in its place, never both merged), the body encoded once so every attempt and
 * redirect sends the same bytes, and the URL from the base URL, a path without dot segments and
 * the query.
 */
export async function buildRequest(
  state: CoreState,
  parts: RequestParts,
): Promise<OutgoingRequest> {
  const { method, pathTemplate, path, body, call } = parts;
  assertNoDotSegments(path, `${method} ${pathTemplate}: the path`);
  const headers: Record<string, string> = { ...state.headers, ...call.headers };
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (typeof FormData !== "undefined" && body instanceof FormData) {
    if (call.headers?.["content-type"] !== undefined) {
      throw new TypeError(
        `${method} ${pathTemplate}: options.headers cannot set Content-Type for a multipart body: its boundary is chosen when the form is encoded`,
      );
    }
    // Encoded once, so every attempt sends the very same bytes under the same boundary.
    const encoded = new Response(body);
    payload = new Uint8Array(await encoded.arrayBuffer());
    headers["content-type"] = encoded.headers.get("content-type")!;
  } else if (body instanceof Uint8Array) {
    payload = body as Uint8Array<ArrayBuffer>;
  } else if (body !== undefined) {
    payload = (body instanceof Json ? body : toJson(body, method, pathTemplate)).text;
    headers["content-type"] ??= "application/json";
  }
  return {
    method,
    pathTemplate,
    path,
    url: state.baseUrl + path + parts.search,
    headers,
    body: payload,
    signal: call.signal,
    timeoutMs: call.timeoutMs,
    retry: call.retry,
    priority: call.priority,
  };
}
