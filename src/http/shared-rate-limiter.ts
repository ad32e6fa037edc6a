import { RateLimiter, type RateLimitOptions } from "./rate-limiter.js";

/** Limiters by trimmed token, held weakly. */
const byToken = new Map<string, WeakRef<RateLimiter>>();
/** Made with the first shared limiter, not at import. */
let forget: FinalizationRegistry<string> | undefined;

function forgetWhenCollected(limiter: RateLimiter, apiKey: string): void {
  if (typeof FinalizationRegistry !== "function") return;
  forget ??= new FinalizationRegistry<string>((token) => {
    if (byToken.get(token)?.deref() === undefined) byToken.delete(token);
  });
  forget.register(limiter, apiKey);
}

/**
 * Dixa counts requests per token, not per client object, so every client of one token shares
 * one limiter, whatever its options say: a client asking for a smaller limit tightens the shared
 * one, so together they never exceed the smallest limit asked for. Held weakly: once no client
 * uses a token's limiter, it is collected with them. `createDixaClient` uses it by default; pass
 * it to `createDixaCore` as `rateLimit: sharedRateLimiter(apiKey)` to limit the same way.
 */

export function sharedRateLimiter(token: string, options: RateLimitOptions = {}): RateLimiter {
  // The key as it is sent: a key read from a file with a trailing newline is the same token.
  const apiKey = token.trim();
  const existing = byToken.get(apiKey)?.deref();
  if (existing !== undefined) {
    existing.tighten(options);
    return existing;
  }
  const limiter = new RateLimiter(options);
  byToken.set(apiKey, new WeakRef(limiter));
  forgetWhenCollected(limiter, apiKey);
  return limiter;
}
