import type { Middleware } from "openapi-fetch";
import { rememberRequest } from "./exchange.js";
import type { RetryOptions } from "./retry-policy.js";

/** Per-call options openapi-fetch copies from the init object onto the Request it builds. */
interface PerCallOptions {
  timeoutMs?: unknown;
  retry?: unknown;
}

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
      const perCall = request as Request & PerCallOptions;
      rememberRequest(request, {
        method: request.method,
        pathTemplate: schemaPath,
        timeoutMs: typeof perCall.timeoutMs === "number" ? perCall.timeoutMs : undefined,
        retry:
          perCall.retry === false || (typeof perCall.retry === "object" && perCall.retry !== null)
            ? (perCall.retry as RetryOptions | false)
            : undefined,
      });
    },
  };
}
