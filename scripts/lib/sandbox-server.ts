import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import {
  createSandboxCore,
  type Baseline,
  type DixaSandboxOptions,
  type SandboxCore,
} from "../../src/testing/sandbox-core.js";
import { startPrism, type PrismServer } from "./prism.js";

export interface SandboxServer {
  /** `http://127.0.0.1:<port>`: use it as the client's `baseUrl`. */
  url: string;
  /** The Prism behind it. */
  prismUrl: string;
  /** The behaviour core, for a test in the same process (the HTTP control endpoints do the same). */
  core: SandboxCore;
  /** Stops the server (and Prism, when this server started it). Safe to call twice. */
  stop(): Promise<void>;
}

export interface SandboxServerOptions extends DixaSandboxOptions {
  /** An already running Prism to put the sandbox in front of; default: start one. */
  prismUrl?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** Headers that belong to one connection, not to the message; Node sets its own. */
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "date",
  "host",
]);

/**
 * The repository's sandbox (`npm run mock`, `npm run demo`): a loopback HTTP server in front of
 * Prism. Every request is first checked by the shared behaviour core (rate limit, faults), then
 * sent to Prism, which validates it against the spec and answers from its examples; where a
 * Dixa-like behaviour applies (bulk outcomes per input, paging, notes), its answer replaces
 * Prism's. A reset fault destroys the socket.
 */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const { prismUrl: givenPrism, port = 0, ...coreOptions } = options;
  const core = createSandboxCore(coreOptions);
  let prism: PrismServer | undefined;
  const prismUrl = givenPrism ?? (prism = await startPrism()).url;

  const toPrism: Baseline = async ({ method, url, headers, body, signal }) => {
    const sent = new Headers(headers);
    for (const name of hopByHop) sent.delete(name);
    return fetch(`${prismUrl}${url.pathname}${url.search}`, {
      method,
      headers: sent,
      signal,
      ...(body === undefined ? {} : { body }),
    });
  };

  const server = createServer((incoming, outgoing) => {
    serve(core, toPrism, incoming, outgoing).catch((error: unknown) => {
      if (outgoing.destroyed) return; // the client left (an aborted delay): nobody to tell
      if (outgoing.headersSent) outgoing.destroy();
      else {
        const message = error instanceof Error ? error.message : String(error);
        outgoing.writeHead(502, { "content-type": "application/json" });
        outgoing.end(JSON.stringify({ message: `sandbox: ${message}` }));
      }
    });
  });
  // Prism's answers come at once; an idle keep-alive socket must not hold the process open.
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await prism?.stop();
    throw error;
  }
  const { port: bound } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await prism?.stop();
    })());
  return { url: `http://127.0.0.1:${bound}`, prismUrl, core, stop };
}

async function serve(
  core: SandboxCore,
  toPrism: Baseline,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // A client that gives up (time limit, abort) cancels what the sandbox does for it, e.g. a delay.
  const gone = new AbortController();
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) gone.abort(new Error("the client closed the connection"));
  });
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // The body is handed over unread, so the core counts the request at arrival, as Dixa does.
  const request = new Request(
    `http://${incoming.headers.host ?? "sandbox"}${incoming.url ?? "/"}`,
    {
      method,
      headers,
      signal: gone.signal,
      ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: "half" } : {}),
    } as RequestInit,
  );
  const outcome = await core.handle(request, toPrism);
  if ("reset" in outcome) {
    incoming.socket.destroy();
    return;
  }
  const { response } = outcome;
  const answerHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!hopByHop.has(name)) answerHeaders[name] = value;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  answerHeaders["content-length"] = String(bytes.length);
  outgoing.writeHead(response.status, answerHeaders);
  outgoing.end(bytes);
}
