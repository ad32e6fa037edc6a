import type { Attributes } from "@opentelemetry/api";
import { attr } from "./semconv.js";

/** RFC 9110's methods and PATCH: the ones the conventions call "known". */
const knownMethods = new Set([
  "CONNECT",
  "DELETE",
  "GET",
  "HEAD",
  "OPTIONS",
  "PATCH",
  "POST",
  "PUT",
  "TRACE",
]);

/**
 * `http.request.method` as the conventions want it: a known method as is, anything else as
 * `_OTHER` with the method sent kept in `http.request.method_original`; and the `{method}` part of
 * the span name (`HTTP` for an unknown one).
 */
export function describeMethod(method: string): { attributes: Attributes; namepart: string } {
  const canonical = method.toUpperCase();
  if (!knownMethods.has(canonical)) {
    return {
      attributes: { [attr.httpRequestMethod]: "_OTHER", [attr.httpRequestMethodOriginal]: method },
      namepart: "HTTP",
    };
  }
  const attributes: Attributes = { [attr.httpRequestMethod]: canonical };
  if (canonical !== method) attributes[attr.httpRequestMethodOriginal] = method;
  return { attributes, namepart: canonical };
}
