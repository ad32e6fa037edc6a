/**
 * The repository's sandbox (npm run mock) in front of the shared Prism: Prism still judges
 * every request, the Dixa-like layer replaces its example answers, and faults reach the socket.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  createDixaClient,
  DixaNetworkError,
  DixaTimeoutError,
  isDixaApiError,
} from "../../src/index.js";
import { sandboxFaultHeader } from "../../src/testing/index.js";
import { startSandboxServer, type SandboxServer } from "../../scripts/lib/sandbox-server.js";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandboxServer({ prismUrl: inject("prismUrl"), listSize: 5 });
});
afterAll(() => sandbox?.stop());
// Each test starts from a fresh sandbox, its rate-limit buckets full. The client's limiter
// (burst 3) is then stricter than the sandbox's (burst 4) by construction. Without it, the first
// test's two raw requests took two of "server-token"'s four tokens behind the next test's
// limiter, whose page requests then came with 10 to 85 ms to spare: on a loaded machine one got
// a 429 and its retry made a third paged request.
beforeEach(() => sandbox.core.reset());

const control = (method: string, what: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${what}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("the sandbox in front of Prism", () => {
  it("lets Prism refuse a request that breaks the spec, with its violations", async () => {
    const response = await fetch(`${sandbox.url}/beta/conversations/4711/notes/bulk`, {
      method: "POST",
      headers: { authorization: "server-token", "content-type": "application/json" },
      body: JSON.stringify({ data: [{ text: "no message field" }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "Invalid value in request" });
    expect(response.headers.get("sl-violations")).toContain(
      "must have required property 'message'",
    );
    const unknown = await fetch(`${sandbox.url}/beta/nothing-here`, {
      headers: { authorization: "server-token" },
    });
    expect(unknown.status).toBe(404);
  });

  it("answers a valid bulk call with one outcome per input, and pages with Prism's blessing", async () => {
    const dixa = createDixaClient({ apiKey: "server-token", baseUrl: sandbox.url });
    const notes = Array.from({ length: 12 }, (_, i) => ({
      message: `n${i}`,
      ...(i === 5 ? { agentId: "00000000-0000-4000-8000-00000000dead" } : {}),
    }));
    const { successes, failures } = await dixa.notes.createMany(4711, notes, { chunkSize: 5 });
    expect(successes).toHaveLength(11);
    expect(failures.map((f) => f.index)).toEqual([5]);
    const names = [];
    for await (const agent of dixa.agents.list({ pageLimit: 2 })) names.push(agent.displayName);
    expect(names).toEqual(["Agent 0", "Agent 1", "Agent 2", "Agent 3", "Agent 4"]);
    const requests = (await (await control("GET", "requests")).json()).data as {
      query: Record<string, string>;
      status: number;
    }[];
    expect(requests.filter((r) => r.query["pageKey"] !== undefined)).toHaveLength(2);
  });

  it("drops the connection for a reset fault and delays on request", async () => {
    const dixa = createDixaClient({
      apiKey: "server-token",
      baseUrl: sandbox.url,
      retry: false,
    });
    expect(
      (await control("POST", "faults", { reset: true, path: "/beta/organization" })).status,
    ).toBe(204);
    await expect(dixa.organization.get()).rejects.toBeInstanceOf(DixaNetworkError);
    // A long delay: the client's time limit ends it, and the sandbox keeps serving.
    await control("POST", "faults", { delayMs: 60_000 });
    await expect(dixa.organization.get({ timeoutMs: 1_000 })).rejects.toBeInstanceOf(
      DixaTimeoutError,
    );
    expect((await dixa.organization.get()).name).toBe("Example Organization");
  });

  it("answers a chosen status by header, with the operation's documented body", async () => {
    const response = await fetch(`${sandbox.url}/beta/conversations/4711/notes`, {
      headers: { authorization: "server-token", [sandboxFaultHeader]: "status=404" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "The requested resource could not be found" });
    const dixa = createDixaClient({ apiKey: "server-token", baseUrl: sandbox.url, retry: false });
    await control("POST", "faults", { status: 503, retryAfterSeconds: 3 });
    const error = await dixa.organization.get().catch((e: unknown) => e);
    expect(isDixaApiError(error) && [error.status, error.retryAfter]).toEqual([503, 3]);
  });

  it("resets through the control endpoint and refuses an unknown control", async () => {
    expect((await control("POST", "reset")).status).toBe(204);
    expect((await (await control("GET", "requests")).json()).data).toEqual([]);
    expect(sandbox.core.requests).toEqual([]);
    expect((await control("POST", "nothing")).status).toBe(404);
    expect((await control("POST", "faults", { status: 42 })).status).toBe(400);
  });
});
