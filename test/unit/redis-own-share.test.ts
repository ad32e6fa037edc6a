/**
 * The Redis limiter's own record of the requests it let through (fallback.ts): while Redis
 * decides, nothing reads it to decide, yet every admission adds to it. It must forget what no
 * longer counts on its own, or a long-running process holds one entry per request it ever made.
 */
import { describe, expect, it } from "vitest";
import { memoryMs } from "../../src/http/admission-rule.js";
import { ruleOf } from "../../src/http/rate-limiter.js";
import { OwnShare } from "../../src/redis/fallback.js";

const { rule } = ruleOf({});

describe("OwnShare", () => {
  it("forgets old requests as it records new ones, with no decision asked of it", () => {
    const own = new OwnShare(rule, rule);
    // 100,000 requests at 10 per second (about 2.8 hours), each counted for 1 s of transit.
    for (let i = 0; i < 100_000; i++) {
      const now = i * 100;
      own.add(now + 1_000, now);
    }
    // What can still count: the last memoryMs(rule) (4.8 s, 48 requests) plus the transit, at
    // most doubled by forgetting only now and then.
    const counting = (memoryMs(rule) + 1_000) / 100;
    expect(own.recorded).toBeGreaterThanOrEqual(counting - 1);
    expect(own.recorded).toBeLessThanOrEqual(2 * counting + 64);
  });

  it("still counts every request that may arrive within the rule's memory", () => {
    const own = new OwnShare(rule, rule);
    // A burst of 300 in one instant: none is old enough to forget, whatever the count.
    for (let i = 0; i < 300; i++) own.add(1_000, 0);
    expect(own.recorded).toBe(300);
    expect(own.startAt(0)).toBeGreaterThan(1_000);
  });
});
