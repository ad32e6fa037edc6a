/**
 * A request that Node's fetch reports as written to its connection stops counting as possibly on
 * its way once `networkAllowanceMs` has passed, even while its answer is still held back: the
 * tighter rule that lets requests with slow answers use the whole rate. The network is the
 * subject, so a loopback server answers; what is checked is an order of events, not a duration.
 */
import { describe, expect, it } from "vitest";
import { createDixaClient, RateLimiter, type DixaEvent } from "../../src/index.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";

/** A server whose answers wait until `release()`; `arrived` resolves with the first request. */
async function heldServer() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const server = await startLoopbackServer(async (_request, response) => {
    arrived();
    await released;
    sendJson(response, 200, { data: {} });
  });
  return { server, release, arrived: first };
}

/** One request at a time: the next may start 1 ms after the last one's latest arrival. */
const oneInFlight = (networkAllowanceMs: number) =>
  new RateLimiter({
    requestsPerSecond: 1000,
    burst: 1,
    jitterAllowanceMs: 0,
    // Far longer than the test may take: only the departure can free the next turn.
    transitAllowanceMs: 600_000,
    networkAllowanceMs,
  });

/**
 * Sends one request through `limiter` to a server that holds its answer, `heldBeforeSendingMs`
 * after the limiter's yes, then asks for the next turn; the answer is let go once the next turn
 * came or `releaseAfterMs` passed. Resolves with the order the two happened in.
 */
async function nextTurnOrAnswer(
  limiter: RateLimiter,
  heldBeforeSendingMs: number,
  releaseAfterMs: number,
): Promise<string[]> {
  const { server, release, arrived } = await heldServer();
  try {
    const ticket = await limiter.acquire();
    await sleep(heldBeforeSendingMs);
    const answer = ticket.dispatch!(() => fetch(`${server.url}/held`));
    await arrived;
    const order: string[] = [];
    const next = limiter.acquire().then((second) => {
      order.push("next turn");
      second.settle();
    });
    await Promise.race([next, sleep(releaseAfterMs)]);
    order.push("answer released");
    release();
    await answer;
    ticket.settle();
    await next;
    return order;
  } finally {
    release();
    await server.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("departures reported by Node's fetch", () => {
  it("free the next turn before the answer comes", async () => {
    // Far sooner than the 10 minutes the limiter would otherwise count the request.
    expect(await nextTurnOrAnswer(oneInFlight(0), 0, 5_000)).toEqual([
      "next turn",
      "answer released",
    ]);
  });

  it("count from the departure when the request was held up before it left", async () => {
    // Assumed on its way for 20 ms only; once it has left it counts until its answer.
    const limiter = new RateLimiter({
      requestsPerSecond: 1000,
      burst: 1,
      jitterAllowanceMs: 0,
      transitAllowanceMs: 20,
      networkAllowanceMs: 600_000,
    });
    // Held up past the assumption before sending, as a stalled process would be.
    expect(await nextTurnOrAnswer(limiter, 40, 50)).toEqual(["answer released", "next turn"]);
  });

  it("reach the client's limiter: a call with a held answer lets the next call go", async () => {
    const { server, release, arrived } = await heldServer();
    const events: DixaEvent[] = [];
    try {
      const dixa = createDixaClient({
        apiKey: "departure-token",
        baseUrl: server.url,
        rateLimit: oneInFlight(0),
        retry: false,
        onEvent: (event) => events.push(event),
      });
      const first = dixa.organization.get();
      await arrived;
      const second = dixa.organization.get();
      // The second reaches the server while the first's answer is still held.
      while (server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      release();
      await Promise.all([first, second]);
      expect(events.filter((e) => e.type === "call-start")).toMatchObject([
        { priority: "normal" },
        { priority: "normal" },
      ]);
    } finally {
      release();
      await server.close();
    }
  });
});
