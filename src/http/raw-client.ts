import type { Client, Middleware } from "openapi-fetch";
import { coreState, type CoreState, type DixaCore } from "../core.js";
import type { paths } from "../types.js";
import { headerRecord, resolveCallOptions } from "./call-options.js";
import { buildRequest } from "./outgoing-request.js";
import { assertNoDotSegments, pathParameter } from "./request-url.js";
import type { RetryOptions } from "./retry-policy.js";
import { shownHeaders, type Exchange } from "./transport.js";
import type { ValidateResponses } from "../validation/mode.js";
import { validateAnswer } from "../validation/validate-answer.js";
import { utf8Text } from "../utf8.js";

/**
 * `client.raw`: an openapi-fetch client typed by the spec's `paths`, sending through the same
 * transport as the facade (auth, retries, rate limit, events): `client.raw.GET("/beta/agents")`.
 */
export type RawClient = Client<paths, `${string}/${string}`>;

/** Per-call extras a raw call may pass in its init; openapi-fetch copies them onto its Request. */
interface PerCallInit {
  dixaPathTemplate?: string;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  validateResponses?: ValidateResponses;
}

const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const placeholder = /\{([^{}]+)\}/g;
/** Statuses whose answer may not carry a body (the Response constructor refuses one). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * `client.raw`: openapi-fetch over the client's own transport, so any operation of the spec is
 * one typed call away with the same headers, limiter, retries, time limits and redaction as the
 * facade, and the request built by the same function as the facade's (`buildRequest`): the
 * client's headers, the token, one Content-Type. Each call's path is checked before
 * openapi-fetch resolves it (no dot segments; path parameters present, not empty, not `.` or
 * `..`) and its path template rides along to name the operation in errors and events. openapi-fetch itself is
 * loaded with the first raw call, so an app that never makes one never loads (or bundles) it;
 * middleware registered before then is applied when it loads.
 */
export function createRawClient(dixa: DixaCore): RawClient {
  const core = coreState(dixa);
  let client: Client<paths, `${string}/${string}`> | undefined;
  let loading: Promise<Client<paths, `${string}/${string}`>> | undefined;
  const pending: Middleware[] = [];
  const load = () =>
    (loading ??= import("openapi-fetch").then(({ default: createClient }) => {
      // No default headers here: buildRequest adds the client's, so any header on openapi-fetch's
      // Request is the call's own (or openapi-fetch's Content-Type) and is checked as such.
      client = createClient<paths, `${string}/${string}`>({
        baseUrl: core.baseUrl,
        fetch: (request: Request) => sendRaw(request, core),
      });
      client.use(...pending);
      return client;
    }));
  const tagged: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => {
      if (client) client.use(...middleware);
      else pending.push(...middleware);
    },
    eject: (...middleware: Middleware[]) => {
      if (client) client.eject(...middleware);
      for (const m of middleware) if (pending.includes(m)) pending.splice(pending.indexOf(m), 1);
    },
    request: (method: string, path: string, init?: RawInit) =>
      checked(path, init, (tagged) =>
        load().then((loaded) => (loaded.request as Function)(method, path, tagged)),
      ),
  };
  for (const method of methods) {
    tagged[method] = (path: string, init?: RawInit) =>
      checked(path, init, (c) => load().then((loaded) => (loaded[method] as Function)(path, c)));
  }
  return tagged as unknown as RawClient;
}

type RawInit = { params?: { path?: Record<string, unknown> } } & Record<string, unknown>;

/** Sends with the path template added, or rejects (never throws) when a path parameter is bad. */
function checked(
  path: string,
  init: RawInit | undefined,
  send: (init: RawInit) => Promise<unknown>,
): Promise<unknown> {
  try {
    // openapi-fetch's URL parsing would resolve a dot segment before the transport sees it.
    assertNoDotSegments(String(path), "client.raw: the path");
    for (const [, name] of path.matchAll(placeholder)) {
      pathParameter(name!, init?.params?.path?.[name!]);
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return send({ ...init, dixaPathTemplate: path });
}

async function sendRaw(request: Request, core: CoreState): Promise<Response> {
  const extras = request as Request & PerCallInit;
  const { timeoutMs, retry, validateResponses } = extras;
  const call = resolveCallOptions({ timeoutMs, retry, validateResponses }, core);
  // As in the facade's per-call headers: never Authorization (the token is the one the client
  // was made with, so redaction knows it and the limiter counts it), names and values checked.
  const headers = headerRecord(request.headers, "client.raw: headers");
  const url = new URL(request.url);
  // Below the base URL, as the facade's paths are (the base URL's own path is not repeated).
  const path = url.pathname.slice(new URL(core.baseUrl).pathname.replace(/\/$/, "").length);
  const pathTemplate = extras.dixaPathTemplate ?? path;
  const exchange = await core.transport(
    await buildRequest(core, {
      method: request.method,
      pathTemplate,
      path,
      search: url.search,
      body: request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()),
      call: { ...call, headers, signal: request.signal },
    }),
  );
  const mode = validateResponses ?? core.validateResponses;
  if (mode !== "off" && exchange.status >= 200 && exchange.status <= 299) {
    await validateRaw(core, mode, request.method, pathTemplate, exchange);
  }
  return responseOf(exchange, core);
}

/**
 * A raw call's 2xx answer checked as the facade's are, by the same `validateResponses` (the
 * client's, or the call's own in its init). A body that is not JSON is not checked here:
 * openapi-fetch's own parsing of it fails the call as it would without validation.
 */
async function validateRaw(
  core: CoreState,
  mode: Exclude<ValidateResponses, "off">,
  method: string,
  pathTemplate: string,
  exchange: Exchange,
): Promise<void> {
  let body: unknown;
  if (exchange.bytes.byteLength > 0) {
    try {
      body = JSON.parse(utf8Text(exchange.bytes));
    } catch {
      return;
    }
  }
  await validateAnswer(core, mode, method, pathTemplate, exchange, body);
}

function responseOf(exchange: Exchange, core: CoreState): Response {
  const body = nullBodyStatuses.has(exchange.status) ? null : exchange.bytes;
  // Handed to the caller as is: the token removed from the status text and every header.
  const { statusText, headers } = shownHeaders(exchange, core.redact);
  return new Response(body as BodyInit | null, { status: exchange.status, statusText, headers });
}
