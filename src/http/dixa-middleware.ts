import type { Middleware } from "openapi-fetch";
import { rememberRequest } from "./exchange.js";

/**
 * The openapi-fetch middleware every request passes through, `client.raw` included: Dixa's
 * token goes in `Authorization` as is (no `Bearer` prefix), the User-Agent names this client,
 * and the path template and per-call options are noted for the transport and error messages.
 */
export function dixaMiddleware(options: { apiKey: string; userAgent: string }): Middleware {
  const { apiKey, userAgent } = options;
  return {
    onRequest({ request, schemaPath }) {
      request.headers.set("Authorization", apiKey);
      request.headers.set("User-Agent", userAgent);
      if (!request.headers.has("Accept")) request.headers.set("Accept", "application/json");
      const timeoutMs = (request as Request & { timeoutMs?: unknown }).timeoutMs;
      rememberRequest(request, {
        method: request.method,
        pathTemplate: schemaPath,
        timeoutMs: typeof timeoutMs === "number" ? timeoutMs : undefined,
      });
    },
  };
}
