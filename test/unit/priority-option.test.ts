/**
 * The `priority` option end to end, in process: the client's default and a call's own lane reach
 * the limiter's `acquire`, events say which lane a call was in and what it waited, and a lane
 * that is not one is refused before anything is sent.
 */
import { describe, expect, it } from "vitest";
import {
  createDixaClient,
  RateLimiter,
  type DixaClientOptions,
  type DixaEvent,
  type RateLimit,
  type RateLimitTicket,
} from "../../src/index.js";
import type { AcquireOptions } from "../../src/http/rate-limit.js";

/** A fetch that answers every request at once, counting them. */
function answering() {
  let sent = 0;
  const fetch = async () => {
    sent++;
    return Response.json({ data: [] });
  };
  return { fetch, sent: () => sent };
}

/** A client on an `answering()` fetch, with the events it emits. */
function clientWithEvents(apiKey: string, rateLimit: DixaClientOptions["rateLimit"]) {
  const events: DixaEvent[] = [];
  const dixa = createDixaClient({
    apiKey,
    fetch: answering().fetch,
    rateLimit,
    onEvent: (event) => events.push(event),
  });
  return { dixa, events };
}

/** A limiter that lets everyone through, keeping what each acquire was asked. */
function recordingLimiter() {
  const asked: (AcquireOptions | undefined)[] = [];
  const limiter: RateLimit = {
    acquire: async (_signal, options) => {
      asked.push(options);
      return { waitedMs: 0, settle: () => undefined } satisfies RateLimitTicket;
    },
  };
  return { limiter, asked };
}

describe("priority", () => {
  it("the client's lane, or the call's own, reaches the limiter and the events", async () => {
    const { fetch } = answering();
    const { limiter, asked } = recordingLimiter();
    const events: DixaEvent[] = [];
    const dixa = createDixaClient({
      apiKey: "priority-key",
      fetch,
      rateLimit: limiter,
      priority: "background",
      onEvent: (event) => events.push(event),
    });
    await dixa.notes.list(1);
    await dixa.notes.list(2, { priority: "interactive" });
    expect(asked).toEqual([{ priority: "background" }, { priority: "interactive" }]);
    expect(events.filter((e) => e.type === "call-start")).toMatchObject([
      { priority: "background" },
      { priority: "interactive" },
    ]);
  });

  it("a call that waited says in which lane, and for how long", async () => {
    const { dixa, events } = clientWithEvents(
      "priority-wait-key",
      // One at a time, 50 a second: of two calls made together, the second waits.
      new RateLimiter({ requestsPerSecond: 50, burst: 1, jitterAllowanceMs: 0 }),
    );
    await Promise.all([dixa.notes.list(1), dixa.notes.list(2, { priority: "background" })]);
    const waits = events.filter((e) => e.type === "rate-limit-wait");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ priority: "background" });
    expect((waits[0] as { waitedMs: number }).waitedMs).toBeGreaterThan(0);
  });

  it("without a limiter, events name no lane", async () => {
    const { dixa, events } = clientWithEvents("priority-off-key", false);
    await dixa.notes.list(1, { priority: "interactive" });
    expect(events.find((e) => e.type === "call-start")).not.toHaveProperty("priority");
  });

  it("a lane that is not one is a TypeError before anything is sent", async () => {
    const { fetch, sent } = answering();
    const dixa = createDixaClient({ apiKey: "priority-bad-key", fetch });
    await expect(dixa.notes.list(1, { priority: "high" as never })).rejects.toThrow(TypeError);
    await expect(dixa.notes.list(1, { priority: 2 as never })).rejects.toThrow(
      /options.priority must be one of "interactive", "normal", "background", got number/,
    );
    expect(() =>
      createDixaClient({ apiKey: "priority-bad-key", fetch, priority: "HIGH" as never }),
    ).toThrow(/createDixaClient: `priority` must be one of .*got "HIGH"/);
    expect(sent()).toBe(0);
  });
});
