/** Answers of a small Dixa on loopback, enough for the calls the tracing tests make. */
import type { ServerResponse } from "node:http";
import { sendJson, type RecordedRequest } from "../support/loopback-server.js";

export const agentId = "6b0e5f0c-7e1a-4c52-acac-58c9280aa23d";

/** GET /beta/agents/{id}, GET and POST /beta/conversations/{id}/notes; 404 for anything else. */
export function answerLikeDixa(request: RecordedRequest, response: ServerResponse): void {
  const path = new URL(request.url, "http://loopback").pathname;
  const agent = /^\/beta\/agents\/([^/]+)$/.exec(path);
  if (request.method === "GET" && agent) {
    return sendJson(response, 200, { data: { id: decodeURIComponent(agent[1]!), name: "Ada" } });
  }
  if (/^\/beta\/conversations\/\d+\/notes$/.test(path)) {
    if (request.method === "GET") return sendJson(response, 200, { data: [] });
    if (request.method === "POST") {
      const { message } = JSON.parse(request.body) as { message: string };
      return sendJson(response, 200, {
        data: { id: "note-1", message, createdAt: "2026-01-01T00:00:00Z", csid: 1 },
      });
    }
  }
  sendJson(response, 404, { message: `no route for ${request.method} ${path}` });
}
