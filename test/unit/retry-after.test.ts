/**
 * `Retry-After` is whole seconds or an HTTP date; anything else is no usable header, and the
 * retry falls back to the backoff instead of going at once (issue 11.5).
 */
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/http/retry-after.js";
import { decideRetry, defaultRetry } from "../../src/http/retry-policy.js";

const now = Date.parse("2026-11-29T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    [" 120 ", 120],
    ["Sun, 29 Nov 2026 12:00:30 GMT", 30],
    ["Sunday, 29-Nov-26 12:00:05 GMT", 5],
    ["Sun Nov 29 12:01:00 2026", 60],
    ["Sun, 29 Nov 2026 11:00:00 GMT", 0],
  ])("%j is %d seconds", (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it.each(["-5", "1, 2", "+1", "1.", "1.5", "soon", "", "2026-11-29T12:00:30Z", "1e3", "0x10"])(
    "%j is not a usable header",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );
});

describe("a 429 with an unusable Retry-After falls back to the backoff", () => {
  const policy = { ...defaultRetry, baseDelayMs: 400, maxDelayMs: 400 };
  const always = () => 1;
  it.each(["-5", "1, 2", "+1", "1."])("Retry-After %j", (value) => {
    const decision = decideRetry(
      {
        method: "GET",
        attempt: 1,
        elapsedMs: 0,
        response: { status: 429, headers: new Headers({ "retry-after": value }) },
      },
      policy,
      always,
    );
    expect(decision).toEqual({ retry: true, delayMs: 400, reason: "429 Too Many Requests" });
  });

  it("a valid Retry-After is honoured over the backoff", () => {
    const decision = decideRetry(
      {
        method: "GET",
        attempt: 1,
        elapsedMs: 0,
        response: { status: 429, headers: new Headers({ "retry-after": "2" }) },
      },
      policy,
      always,
    );
    expect(decision).toMatchObject({ retry: true, delayMs: 2000 });
  });
});
