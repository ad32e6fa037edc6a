/**
 * The token of a webhook de-duplication claim (see `src/webhooks/dedupe.ts`), checked alike by
 * the in-memory store and the Redis one. Here, not in the webhooks entry, so that
 * dixa-beta/redis imports nothing of dixa-beta/webhooks at run time.
 */

/** A claim's token, when given, is a non-empty string (the handlers make a random UUID). */
export function checkToken(token: unknown): asserts token is string | undefined {
  if (token !== undefined && (typeof token !== "string" || token === "")) {
    throw new TypeError(`token must be a non-empty string (the claim's), got ${typeof token}`);
  }
}
