import type { RateLimit } from "./http/rate-limit.js";
import { sharedRateLimiter } from "./http/shared-rate-limiter.js";
import type { DixaClientOptions } from "./options.js";

/**
 * The client's limiter: by default the one every client of the token shares (Dixa's 10/s,
 * burst 4), or one made from the options given, or the limiter given, or none for `false`.
 */
export function clientLimiter(options: DixaClientOptions): RateLimit | false {
  if (typeof options !== "object" || options === null) return false; // createDixaCore says why
  const { rateLimit, apiKey } = options;
  if (rateLimit === false) return false;
  if (typeof rateLimit === "object" && rateLimit !== null && "acquire" in rateLimit) {
    return rateLimit;
  }
  if (typeof apiKey !== "string") return false; // createDixaCore refuses it, saying why
  return sharedRateLimiter(apiKey, rateLimit ?? {});
}
