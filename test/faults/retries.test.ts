import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DixaAbortError,
  DixaApiError,
  DixaBulkResponseError,
  DixaMalformedResponseError,
  DixaNetworkError,
  DixaPaginationError,
  DixaTimeoutError,
  RateLimiter,
  type DixaClientOptions,
  type DixaEvent,
} from "../../src/index.js";
import { clientFor } from "../support/test-client.js";
import { recordingFetch, sendJson } from "../unit/recording-fetch.js";
import { faultsThen, startFaultServer, type Fault, type FaultServer } from "./fault-server.js";

const note = {
  id: "eb31acbb-13f9-4ce7-abd3-44dd86266741",
  authorId: "x",
  createdAt: "t",
  csid: 1,
  message: "m",
};
const ok: Fault = { kind: "ok", body: { data: [note] } };
const created: Fault = { kind: "ok", body: { data: note } };
// Fast backoff so the suite stays quick; the policy itself is what is under test.
const fast: DixaClientOptions["retry"] = { baseDelayMs: 5, maxDelayMs: 20 };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(
  script: Parameters<typeof startFaultServer>[0],
  options: Partial<DixaClientOptions> = {},
) {
  server = await startFaultServer(script);
  const events: DixaEvent[] = [];
  const client = clientFor(server, { retry: fast, onEvent: (e) => events.push(e), ...options });
  return { client, events, server };
}

async function failure<T extends Error>(
  promise: Promise<unknown>,
  type: new (...args: any[]) => T,
): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe("5xx", () => {
  it("a GET that hit two 503s succeeds on the third attempt", async () => {
    const { client, events, server } = await run(
      faultsThen(2, { kind: "status", status: 503 }, ok),
    );
    expect(await client.notes.list(1)).toEqual([note]);
    expect(server.requests).toHaveLength(3);
    expect(
      events.filter((e) => e.type === "retry").map((e) => (e as { reason: string }).reason),
    ).toEqual(["503 from the server", "503 from the server"]);
  });

  it.each([500, 502, 504])("a GET is retried after %i", async (status) => {
    const { client, server } = await run(
      faultsThen(1, { kind: "status", status, body: { message: "x" } }, ok),
    );
    await client.notes.list(1);
    expect(server.requests).toHaveLength(2);
  });

  it("a POST that hit a 500 reached the server exactly once", async () => {
    const { client, server } = await run(() => ({
      kind: "status",
      status: 500,
      body: { message: "boom" },
    }));
    const error = await failure(client.notes.create(1, { message: "hello" }), DixaApiError);
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 500, attempts: 1, serverMessage: "boom" });
    expect(error.message).not.toMatch(/attempts/);
  });

  it("a POST is retried after a 500 when the call opts in", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "status", status: 500 }, created));
    await client.notes.create(1, { message: "hello" }, { retry: { retryUnsafeMethods: true } });
    expect(server.requests).toHaveLength(2);
  });

  it("a POST is retried after a 503 when the client opts in", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "status", status: 503 }, created), {
      retry: { ...fast, retryUnsafeMethods: true },
    });
    await client.notes.create(1, { message: "hello" });
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxAttempts and says how many attempts were made", async () => {
    const { client, server } = await run(
      () => ({ kind: "status", status: 503, body: { message: "down" } }),
      {
        retry: { ...fast, maxAttempts: 3 },
      },
    );
    const error = await failure(client.notes.list(1), DixaApiError);
    expect(server.requests).toHaveLength(3);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/: down \(after 3 attempts\)$/);
  });

  it("an HTML error page on a POST is a DixaApiError with the status text, sent once", async () => {
    const { client, server } = await run(() => ({ kind: "html", status: 502 }));
    const error = await failure(client.notes.create(1, { message: "x" }), DixaApiError);
    expect(error).toMatchObject({ status: 502, serverMessage: "Bad Gateway" });
    expect(server.requests).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 409, 422])(
    "a %i is never retried, even for a GET",
    async (status) => {
      const { client, server } = await run(() => ({
        kind: "status",
        status,
        body: { message: "no" },
      }));
      await failure(client.notes.list(1), DixaApiError);
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe("429", () => {
  it("is retried for a POST too (the request was not processed)", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "status", status: 429 }, created));
    await client.notes.create(1, { message: "hello" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not wait past the time budget: a Retry-After beyond it fails at once", async () => {
    const { client, server } = await run(
      () => ({ kind: "status", status: 429, headers: { "retry-after": "30" } }),
      {
        retry: { ...fast, maxElapsedMs: 2_000 },
      },
    );
    const started = Date.now();
    const error = await failure(client.notes.list(1), DixaApiError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ status: 429, retryAfter: 30, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("without Retry-After backs off exponentially, up to maxAttempts", async () => {
    const times: number[] = [];
    const { client, server } = await run(
      () => {
        times.push(performance.now());
        return { kind: "status", status: 429 };
      },
      { retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 1_000 } },
    );
    const error = await failure(client.notes.list(1), DixaApiError);
    expect(server.requests).toHaveLength(4);
    expect(error.message).toMatch(/\(after 4 attempts\)/);
    // Full jitter: each wait is random within [0, 40·2^(n-1)] ms.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    gaps.forEach((gap, i) => expect(gap).toBeLessThanOrEqual(40 * 2 ** i + 50));
  });
});

describe("connection failures", () => {
  it("a reset before the response is retried for a GET", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "reset-before-response" }, ok));
    expect(await client.notes.list(1)).toEqual([note]);
    expect(server.requests).toHaveLength(2);
  });

  it("a reset before the response is not retried for a POST", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "reset-before-response" }, created));
    const error = await failure(client.notes.create(1, { message: "x" }), DixaNetworkError);
    expect(server.requests).toHaveLength(1);
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(
      /^POST \/beta\/conversations\/\{conversationId\}\/notes failed: /,
    );
  });

  it("a reset mid-body is retried for a GET", async () => {
    const { client, server } = await run(faultsThen(1, { kind: "reset-mid-body" }, ok));
    expect(await client.notes.list(1)).toEqual([note]);
    expect(server.requests).toHaveLength(2);
  });

  it("a reset mid-body is a network error for a POST, sent once", async () => {
    const { client, server } = await run(() => ({ kind: "reset-mid-body" }));
    await failure(client.notes.create(1, { message: "x" }), DixaNetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it("headers that never arrive time out on every attempt of a GET", async () => {
    const { client, server } = await run(() => ({ kind: "never-answer" }), {
      timeoutMs: 100,
      retry: { ...fast, maxAttempts: 2 },
    });
    const error = await failure(client.notes.list(1), DixaTimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(error.message).toMatch(/timed out after 100 ms \(after 2 attempts\)$/);
  });

  it("a POST that timed out is not sent again", async () => {
    const { client, server } = await run(() => ({ kind: "never-answer" }), { timeoutMs: 100 });
    await failure(client.notes.create(1, { message: "x" }), DixaTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("the time budget stops retries of a timing-out GET", async () => {
    const { client, server } = await run(() => ({ kind: "never-answer" }), {
      timeoutMs: 150,
      retry: { maxAttempts: 10, baseDelayMs: 5, maxElapsedMs: 400 },
    });
    await failure(client.notes.list(1), DixaTimeoutError);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe("bad answers", () => {
  it("malformed JSON is a DixaMalformedResponseError, not retried", async () => {
    const { client, server } = await run(() => ({ kind: "malformed-json" }));
    const error = await failure(client.notes.list(1), DixaMalformedResponseError);
    expect(error.message).toMatch(/answered 200 with a body that is not JSON/);
    expect(server.requests).toHaveLength(1);
  });

  it("a bulk answer with fewer outcomes than inputs loses no input", async () => {
    const { client, server } = await run(() => ({ kind: "ok", body: { data: [{ data: note }] } }));
    const inputs = [{ message: "a" }, { message: "b" }, { message: "c" }];
    const result = await client.notes.createMany(1, inputs);
    expect(server.requests).toHaveLength(1);
    expect(result.successes).toEqual([]);
    expect(result.failures.map((f) => [f.index, f.input])).toEqual(
      inputs.map((input, i) => [i, input]),
    );
    const error = result.failures[0]!.error as DixaBulkResponseError;
    expect(error).toBeInstanceOf(DixaBulkResponseError);
    expect(error.message).toBe(
      "bulk answer has 1 outcome(s) for 3 input(s); they pair by position, so none can be trusted",
    );
    expect(error.outcomes).toEqual([{ data: note }]);
  });

  it("a paged list that repeats its pageKey stops with DixaPaginationError", async () => {
    const { client, server } = await run((request) => {
      const key = new URL(request.url, "http://x").searchParams.get("pageKey");
      const next =
        key === null
          ? "/beta/agents?pageKey=A"
          : key === "A"
            ? "/beta/agents?pageKey=B"
            : "/beta/agents?pageKey=A";
      return { kind: "ok", body: { data: [{ id: key ?? "first" }], meta: { next } } };
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const agent of client.agents.list()) seen.push(agent.id);
      })(),
      DixaPaginationError,
    );
    expect(seen).toEqual(["first", "A", "B"]);
    expect(server.requests).toHaveLength(3);
    expect(error.message).toMatch(/repeated a pageKey after 3 page\(s\)/);
  });
});

describe("cancellation", () => {
  it("an abort during the backoff wait stops retrying", async () => {
    const { client, server } = await run(() => ({ kind: "status", status: 503 }), {
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, maxAttempts: 5 },
    });
    const controller = new AbortController();
    const pending = client.notes.list(1, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const error = await failure(pending, DixaAbortError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort while queued in the rate limiter sends nothing", async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 1, burst: 1, jitterAllowanceMs: 0 });
    const { client, server } = await run(() => ok, { rateLimit: limiter });
    await client.notes.list(1); // takes the only token
    const controller = new AbortController();
    const queued = client.notes.list(1, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(limiter.queued).toBe(1);
    controller.abort();
    const error = await failure(queued, DixaAbortError);
    expect(error.attempts).toBe(0);
    expect(limiter.queued).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort after the first chunk of a bulk call fails the unsent notes instead of dropping them", async () => {
    const controller = new AbortController();
    const { client, server } = await run(
      (request) => {
        const { data } = JSON.parse(request.body) as { data: unknown[] };
        return { kind: "ok", body: { data: data.map(() => ({ data: note })) } };
      },
      // Abort as soon as the first chunk's answer is in: it was processed, the rest was not sent.
      { onEvent: (event) => event.type === "response" && controller.abort() },
    );
    const inputs = [1, 2, 3, 4, 5].map((i) => ({ message: `n${i}` }));
    const result = await client.notes.createMany(1, inputs, {
      chunkSize: 2,
      signal: controller.signal,
    });
    expect(server.requests).toHaveLength(1);
    expect(result.successes.map((s) => s.index)).toEqual([0, 1]);
    expect(result.failures.map((f) => f.index)).toEqual([2, 3, 4]);
    expect(result.failures.every((f) => f.error instanceof DixaAbortError)).toBe(true);
  });
});

/**
 * How long the client waits is the subject here, not real time: a fake clock (timers, Date and
 * performance) and an injected fetch, so the wait is exact and costs no real second.
 */
describe("Retry-After, on a fake clock", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A call answered 429 with `retryAfter()` (read when the 429 is written), then 200. Resolves
   * once the client has decided to retry (its `retry` event), with the fake time of the 429.
   */
  async function throttledOnce(retryAfter: () => string) {
    const recording = recordingFetch((_request, answer) => {
      if (recording.requests.length > 1) return sendJson(answer, 200, { data: [note] });
      sendJson(answer, 429, { message: "Too Many Requests" }, { "retry-after": retryAfter() });
    });
    let retry!: (delayMs: number) => void;
    const retryDecided = new Promise<number>((resolve) => (retry = resolve));
    const call = recording
      .client({ retry: fast, onEvent: (event) => event.type === "retry" && retry(event.delayMs) })
      .notes.list(1);
    const answeredAt = Date.now();
    const delayMs = await retryDecided;
    return { requests: recording.requests, call, answeredAt, delayMs };
  }

  it("honours Retry-After in seconds: the retry is sent after exactly that wait", async () => {
    const { requests, call, delayMs } = await throttledOnce(() => "1");
    expect(delayMs).toBe(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toEqual([note]);
    expect(requests).toHaveLength(2);
  });

  it("honours Retry-After as an HTTP date: nothing is sent before that date", async () => {
    let retryAt = 0;
    const { requests, call, answeredAt, delayMs } = await throttledOnce(() => {
      retryAt = Math.ceil((Date.now() + 1500) / 1000) * 1000; // a whole second, as HTTP dates are
      return new Date(retryAt).toUTCString();
    });
    // Whole seconds from now, rounded up: never before the date, less than a second after it.
    expect(answeredAt + delayMs).toBeGreaterThanOrEqual(retryAt);
    expect(answeredAt + delayMs).toBeLessThan(retryAt + 1_000);
    await vi.advanceTimersByTimeAsync(retryAt - Date.now() - 1);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(answeredAt + delayMs - Date.now());
    await expect(call).resolves.toEqual([note]);
    expect(requests).toHaveLength(2);
  });
});
