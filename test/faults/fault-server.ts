import type { ServerResponse } from "node:http";
import {
  sendJson,
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from "../support/loopback-server.js";

/** One scripted answer of the fault server. */
export type Fault =
  | { kind: "ok"; body: unknown; status?: number }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "html"; status: number }
  | { kind: "malformed-json" }
  | { kind: "reset-before-response" }
  | { kind: "reset-mid-body" }
  | { kind: "never-answer" };

export interface FaultServer extends LoopbackServer {
  /** Requests that reached the server, in order. */
  requests: RecordedRequest[];
}

/**
 * A loopback HTTP server that answers request N with `script(request, N)`: a real socket, so
 * resets, stalls and half-sent bodies are what the client really sees.
 */
export function startFaultServer(
  script: (request: RecordedRequest, index: number) => Fault,
): Promise<FaultServer> {
  let index = 0;
  return startLoopbackServer((request, response) => answer(script(request, index++), response));
}

/** The same fault for the first `times` requests, then `then`. */
export function faultsThen(times: number, fault: Fault, then: Fault) {
  return (_request: RecordedRequest, index: number) => (index < times ? fault : then);
}

function answer(fault: Fault, response: ServerResponse): void {
  switch (fault.kind) {
    case "ok":
      return sendJson(response, fault.status ?? 200, fault.body);
    case "status":
      if (fault.body === undefined) {
        response.writeHead(fault.status, fault.headers).end();
        return;
      }
      return sendJson(response, fault.status, fault.body, fault.headers);
    case "html":
      response.writeHead(fault.status, { "content-type": "text/html" });
      response.end("<!doctype html><html><body><h1>Something went wrong</h1></body></html>");
      return;
    case "malformed-json":
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"data": {"id": "abc", ');
      return;
    case "reset-before-response":
      response.socket?.destroy();
      return;
    case "reset-mid-body":
      response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
      response.write('{"data": [{"id": "partial"');
      setTimeout(() => response.socket?.destroy(), 10);
      return;
    case "never-answer":
      return;
  }
}
