import type { Client, Middleware } from "openapi-fetch";
import { coreState, type CoreState, type DixaCore } from "../core.js";
import type { paths } from "../types.js";
import { resolveCallOptions } from "./call-options.js";
import { pathParameter } from "./request-url.js";
import type { RetryOptions } from "./retry-policy.js";
import type { Exchange } from "./transport.js";

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
}

const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const placeholder = /\{([^{}]+)\}/g;
/** Statuses whose answer may not carry a body (the Response constructor refuses one). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * `client.raw`: openapi-fetch over the client's own transport, so any operation of the spec is
 * one typed call away with the same headers, limiter, retries, time limits and redaction as the
 * facade. Each call's path parameters are checked (present, not empty, not `.` or `..`) and its
 * path template rides along to name the operation in errors and events. openapi-fetch itself is
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
      client = createClient<paths, `${string}/${string}`>({
        baseUrl: core.baseUrl,
        headers: core.headers,
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
  const call = resolveCallOptions({ timeoutMs: extras.timeoutMs, retry: extras.retry }, core);
  // As in the facade's per-call headers: the token is the one the client was made with, so
  // redaction knows it and the limiter counts it.
  if (request.headers.get("authorization") !== core.headers["Authorization"]) {
    throw new TypeError(
      "client.raw: headers cannot set Authorization: the client sends the token it was made with",
    );
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const url = new URL(request.url);
  const exchange = await core.transport({
    method: request.method,
    pathTemplate: extras.dixaPathTemplate ?? url.pathname,
    path: url.pathname,
    url: request.url,
    headers,
    body: request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()),
    signal: request.signal,
    timeoutMs: call.timeoutMs,
    retry: call.retry,
  });
  return responseOf(exchange);
}

function responseOf(exchange: Exchange): Response {
  const body = nullBodyStatuses.has(exchange.status) ? null : exchange.bytes;
  return new Response(body as BodyInit | null, {
    status: exchange.status,
    statusText: exchange.statusText,
    headers: exchange.headers,
  });
}
