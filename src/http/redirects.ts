import { DixaRedirectError } from "../errors.js";
import type { Redactor } from "../redact.js";

/** Most redirects followed for one attempt; Dixa's API does not redirect, a proxy might once. */
export const maxRedirects = 3;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Where one request of an attempt goes: the first, or a redirect's. */
export interface Hop {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

/** True for an answer the client follows itself (or refuses to): a redirect with a Location. */
export function isRedirect(status: number, headers: Headers): boolean {
  return redirectStatuses.has(status) && headers.has("location");
}

/**
 * The client follows redirects itself (fetch's `redirect: "manual"`), so each request sent is
 * one limiter admission. Given a redirect answer to `hop`, the next hop, as fetch would make it
 * (303, and 301/302 after a POST, become a GET without body), when its target has the same
 * origin; a DixaRedirectError when it points to another origin (the token, a per-call header
 * or the body would go there), cannot be read, or is one too many.
 */
export function nextHop(
  hop: Hop,
  answer: { status: number; headers: Headers },
  redirectsSoFar: number,
  describe: { method: string; pathTemplate: string; path: string; redact: Redactor },
): Hop {
  const { status } = answer;
  const refuse = (targetOrigin: string | undefined, detail: string) =>
    new DixaRedirectError(
      describe.method,
      describe.pathTemplate,
      describe.redact.text(describe.path),
      status,
      targetOrigin === undefined ? undefined : describe.redact.text(targetOrigin),
      describe.redact.text(detail),
    );
  const from = new URL(hop.url);
  let target: URL;
  try {
    target = new URL(answer.headers.get("location")!, from);
  } catch {
    throw refuse(undefined, "a redirect whose Location is not a URL; not followed");
  }
  if (target.origin !== from.origin) {
    throw refuse(
      target.origin,
      `a redirect to another origin, ${target.origin}; not followed, so neither the token nor the request goes there`,
    );
  }
  if (redirectsSoFar >= maxRedirects) {
    throw refuse(target.origin, `one redirect more than the ${maxRedirects} the client follows`);
  }
  const toGet =
    (status === 303 && hop.method !== "HEAD") ||
    ((status === 301 || status === 302) && hop.method === "POST");
  if (!toGet) return { ...hop, url: target.href };
  const { "content-type": _dropped, ...headers } = hop.headers;
  return { url: target.href, method: "GET", headers, body: undefined };
}
