import type { Attributes } from "@opentelemetry/api";
import { attr } from "./semconv.js";

/**
 * `url.full`, `server.address` and `server.port` of a request URL. The URL comes from the
 * client's events, so the token is already out of it; credentials in the authority (which the
 * client refuses in `baseUrl` anyway) are masked as the conventions ask.
 */
export function urlAttributes(url: string): Attributes {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL the client would send; keep what is known rather than guess.
    return { [attr.urlFull]: url };
  }
  if (parsed.username !== "" || parsed.password !== "") {
    parsed.username = "REDACTED";
    parsed.password = "REDACTED";
  }
  const port = parsed.port !== "" ? Number(parsed.port) : defaultPort(parsed.protocol);
  const attributes: Attributes = {
    [attr.urlFull]: parsed.href,
    // An IPv6 host comes bracketed in a URL; the attribute holds the bare address.
    [attr.serverAddress]: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
  };
  if (port !== undefined) attributes[attr.serverPort] = port;
  return attributes;
}

function defaultPort(protocol: string): number | undefined {
  if (protocol === "https:") return 443;
  if (protocol === "http:") return 80;
  return undefined;
}
