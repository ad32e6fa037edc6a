/**
 * The in-process sandbox's rate limit (on an injected clock, so nothing here depends on how
 * busy the machine is) and its faults, by API and by header, seen through the client.
 */
import { describe, expect, it, vi } from "vitest";
import {
  createDixaClient,
  DixaAbortError,
  DixaNetworkError,
  isDixaApiError,
} from "../../src/index.js";
import { createDixaSandbox, sandboxFaultHeader } from "../../src/testing/index.js";

function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function get(sandbox: ReturnType<typeof createDixaSandbox>, token: string, headers = {}) {
  return sandbox.fetch("https://dev.dixa.io/beta/organization", {
    headers: { authorization: token, ...headers },
  });
}

describe("the rate limit: a bucket of 4 refilled at 10/s per Authorization, counted at arrival", () => {
  it("answers 429 with Retry-After past the burst, and refills at 10 per second", async () => {
    const clock = manualClock();
    const sandbox = createDixaSandbox({ now: clock.now });
    const statuses = async (n: number, token = "token-a") =>
      Promise.all(Array.from({ length: n }, () => get(sandbox, token).then((r) => r.status)));
    expect(await statuses(5)).toEqual([200, 200, 200, 200, 429]);
    const refused = await get(sandbox, "token-a");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await refused.json()).message).toMatch(/Rate limit exceeded/);
    // Another token has a bucket of its own.
    expect(await statuses(4, "token-b")).toEqual([200, 200, 200, 200]);
    clock.advance(100); // one token back
    expect(await statuses(2)).toEqual([200, 429]);
    clock.advance(1_000); // full again, never more than the burst
    expect(await statuses(5)).toEqual([200, 200, 200, 200, 429]);
    expect(sandbox.requests.filter((r) => r.status === 429)).toHaveLength(4);
  });

  it("a client keeping Dixa's limit gets no 429; one without a limiter gets them", async () => {
    const sandbox = createDixaSandbox();
    const seen: number[] = [];
    const limited = createDixaClient({
      apiKey: "limited-token",
      fetch: sandbox.fetch,
      onEvent: (e) => void (e.type === "response" && seen.push(e.status)),
    });
    await Promise.all(Array.from({ length: 8 }, () => limited.organization.get()));
    expect(seen).toHaveLength(8);
    expect(seen.every((status) => status === 200)).toBe(true);

    const unlimited = createDixaClient({
      apiKey: "unlimited-token",
      fetch: sandbox.fetch,
      rateLimit: false,
      retry: false,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => unlimited.organization.get()),
    );
    const refused = results.filter(
      (r) => r.status === "rejected" && isDixaApiError(r.reason) && r.reason.status === 429,
    );
    expect(refused.length).toBeGreaterThanOrEqual(4);
  });

  it("can be turned off or set to other numbers", async () => {
    const off = createDixaSandbox({ rateLimit: false });
    const all = await Promise.all(
      Array.from({ length: 20 }, () => get(off, "t").then((r) => r.status)),
    );
    expect(all.every((s) => s === 200)).toBe(true);
    const clock = manualClock();
    const strict = createDixaSandbox({
      rateLimit: { burst: 1, requestsPerSecond: 1 },
      now: clock.now,
    });
    expect([(await get(strict, "t")).status, (await get(strict, "t")).status]).toEqual([200, 429]);
  });
});

describe("faults on request", () => {
  it("a queued 503 is retried by the client for a GET; the example error body is sent", async () => {
    const sandbox = createDixaSandbox();
    sandbox.faults.next({ status: 503 });
    expect(sandbox.faults.pending).toBe(1);
    const dixa = createDixaClient({ apiKey: "faults-token", fetch: sandbox.fetch });
    const organization = await dixa.organization.get();
    expect(organization.name).toBe("Example Organization");
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(sandbox.faults.pending).toBe(0);
  });

  it("a chosen status carries the operation's documented error example", async () => {
    const sandbox = createDixaSandbox();
    sandbox.faults.next({ status: 404, path: "/beta/conversations/{conversationId}/notes" });
    const dixa = createDixaClient({ apiKey: "faults-token", fetch: sandbox.fetch });
    await dixa.organization.get(); // does not match: no fault
    const error = await dixa.notes.list(4711).catch((e: unknown) => e);
    expect(isDixaApiError(error) && error.status).toBe(404);
    expect(isDixaApiError(error) && error.serverMessage).toBe(
      "The requested resource could not be found",
    );
  });

  it("a 429 fault sends Retry-After, and the client waits for it", async () => {
    const sandbox = createDixaSandbox();
    sandbox.faults.next({ status: 429, retryAfterSeconds: 0 });
    const dixa = createDixaClient({ apiKey: "faults-token", fetch: sandbox.fetch });
    await dixa.notes.create(4711, { message: "after a 429" });
    expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("a reset rejects the fetch like a dropped connection: a POST is not replayed", async () => {
    const sandbox = createDixaSandbox();
    sandbox.faults.next({ reset: true, method: "post", times: 2 });
    const rejected = await sandbox
      .fetch("https://dev.dixa.io/beta/conversations/4711/notes", {
        method: "POST",
        headers: { authorization: "t", "content-type": "application/json" },
        body: JSON.stringify({ message: "lost" }),
      })
      .catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(TypeError);
    expect((rejected as TypeError).message).toBe("fetch failed");
    const dixa = createDixaClient({ apiKey: "faults-token", fetch: sandbox.fetch });
    await expect(dixa.notes.create(4711, { message: "lost too" })).rejects.toBeInstanceOf(
      DixaNetworkError,
    );
    expect(sandbox.requests.map((r) => r.status)).toEqual(["reset", "reset"]);
    expect(sandbox.notes(4711)).toHaveLength(2); // nothing created
  });

  it("a delay holds the answer, and the caller's abort cuts it short", async () => {
    const sandbox = createDixaSandbox();
    sandbox.faults.next({ delayMs: 60_000 });
    const dixa = createDixaClient({ apiKey: "faults-token", fetch: sandbox.fetch });
    const controller = new AbortController();
    const call = dixa.organization.get({ signal: controller.signal });
    // Abort once the sandbox holds the request (it may first wait in the client's limiter).
    await vi.waitFor(() => expect(sandbox.requests).toHaveLength(1), { timeout: 10_000 });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(DixaAbortError);

    sandbox.faults.next({ delayMs: 1 });
    expect((await dixa.organization.get()).name).toBe("Example Organization");
  });

  it("a header asks for a fault on one request; a malformed one is a 400 naming the problem", async () => {
    const sandbox = createDixaSandbox({ rateLimit: false });
    const failed = await get(sandbox, "t", { [sandboxFaultHeader]: "status=500" });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      message: "There was an internal server error while processing the request",
    });
    const unavailable = await get(sandbox, "t", {
      [sandboxFaultHeader]: "delay=1, status=503, retry-after=7",
    });
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "7"]);
    await expect(get(sandbox, "t", { [sandboxFaultHeader]: "reset" })).rejects.toThrow(
      "fetch failed",
    );
    const typo = await get(sandbox, "t", { [sandboxFaultHeader]: "staus=500" });
    expect(typo.status).toBe(400);
    expect((await typo.json()).message).toMatch(/unknown part "staus=500"/);
    const outOfRange = await get(sandbox, "t", { [sandboxFaultHeader]: "status=200" });
    expect((await outOfRange.json()).message).toMatch(/status must be an HTTP error status/);
  });

  it("faults.next refuses what it cannot do, with a TypeError naming the field", () => {
    const { faults } = createDixaSandbox();
    expect(() => faults.next({})).toThrow(/asks for nothing/);
    expect(() => faults.next({ status: 503, reset: true })).toThrow(/one or the other/);
    expect(() => faults.next({ status: 503, times: 0 })).toThrow(/times must be/);
    expect(() => faults.next({ delayMs: -5 })).toThrow(/delayMs must be/);
    expect(() => faults.next({ status: 503, path: "beta/agents" })).toThrow(/path must start/);
    faults.next({ status: 503, times: Infinity });
    faults.clear();
    expect(faults.pending).toBe(0);
  });

  it("the control endpoints work in-process too (the same core as the HTTP sandbox)", async () => {
    const sandbox = createDixaSandbox();
    const queued = await sandbox.fetch("https://dev.dixa.io/__sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: 502 }),
    });
    expect(queued.status).toBe(204);
    expect((await get(sandbox, "t")).status).toBe(502);
    const listed = await (await sandbox.fetch("https://dev.dixa.io/__sandbox/requests")).json();
    expect(listed.data.map((r: { status: number }) => r.status)).toEqual([502]);
    const refused = await sandbox.fetch("https://dev.dixa.io/__sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "soon" }),
    });
    expect(refused.status).toBe(400);
    expect((await sandbox.fetch("https://dev.dixa.io/__sandbox/nothing")).status).toBe(404);
    await sandbox.fetch("https://dev.dixa.io/__sandbox/reset", { method: "POST" });
    expect(sandbox.requests).toEqual([]);
  });
});
