/**
 * `Retry-After` is a non-negative whole number of seconds or an HTTP date (RFC 9110 §10.2.3);
 * both become seconds from now. Anything else (`-5`, `1.5`, `+1`, `1, 2`) is not a usable
 * header: undefined, so the caller falls back to its own backoff instead of retrying at once.
 */
const seconds = /^\d+$/;
const imfFixdate =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc850Date =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const asctimeDate = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (seconds.test(text)) return Number(text);
  if (!imfFixdate.test(text) && !rfc850Date.test(text) && !asctimeDate.test(text)) {
    return undefined;
  }
  const date = Date.parse(asctimeDate.test(text) ? `${text} GMT` : text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
