import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDixaClient, type DixaClient, type DixaEvent } from "../../src/index.js";
import { startFaultServer, type Fault } from "./fault-server.js";

const key = "dixa-SECRET-key-4f9a1c-do-not-leak";
const logLines: string[] = [];
const renderings: string[] = [];

function render(value: unknown) {
  renderings.push(
    String(value),
    (value as Error)?.stack ?? "",
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 20, showHidden: true }),
  );
}

async function failingCall(fault: Fault, call: (client: DixaClient) => Promise<unknown>) {
  const server = await startFaultServer(() => fault);
  const client = createDixaClient({
    apiKey: key,
    baseUrl: server.url,
    timeoutMs: 150,
    rateLimit: false,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    onEvent: (event: DixaEvent) =>
      logLines.push(JSON.stringify(event), inspect(event, { depth: 10 })),
  });
  try {
    const outcome = await call(client).then(
      (value) => value,
      (error: unknown) => error,
    );
    render(outcome);
    // The key did reach the server, so its absence below is redaction, not a key never sent.
    expect(server.requests.every((r) => r.headers["authorization"] === key)).toBe(true);
    return outcome;
  } finally {
    await server.close();
  }
}

const echo = (status: number): Fault => ({
  kind: "status",
  status,
  body: { message: `token ${key} rejected`, token: key, nested: [{ key }] },
  headers: { "x-echo": key },
});

describe("the API key never leaks", () => {
  const paths: Array<[string, Fault, (c: DixaClient) => Promise<unknown>]> = [
    ["401 echoing the key", echo(401), (c) => c.notes.list(1)],
    ["500 echoing the key, retried", echo(500), (c) => c.notes.list(1)],
    [
      "429 echoing the key",
      { ...echo(429), headers: { "retry-after": "0" } } as Fault,
      (c) => c.notes.list(1),
    ],
    ["HTML error page", { kind: "html", status: 503 }, (c) => c.notes.create(1, { message: "x" })],
    ["empty error body", { kind: "status", status: 502 }, (c) => c.notes.list(1)],
    ["connection reset", { kind: "reset-before-response" }, (c) => c.notes.list(1)],
    ["reset mid-body", { kind: "reset-mid-body" }, (c) => c.notes.list(1)],
    ["timeout", { kind: "never-answer" }, (c) => c.notes.list(1)],
    ["malformed JSON", { kind: "malformed-json" }, (c) => c.notes.list(1)],
    ["no data envelope", { kind: "ok", body: { key } }, (c) => c.notes.list(1)],
    [
      "bulk count mismatch",
      { kind: "ok", body: { data: [] } },
      (c) => c.notes.createMany(1, [{ message: "a" }]),
    ],
    [
      "repeated pageKey",
      { kind: "ok", body: { data: [], meta: { next: "/beta/agents?pageKey=same" } } },
      (c) => c.agents.list().toArray(),
    ],
    [
      "abort",
      { kind: "never-answer" },
      (c) => c.notes.list(1, { signal: AbortSignal.timeout(20) }),
    ],
    ["validation error", { kind: "ok", body: {} }, (c) => c.notes.create(-1, { message: key })],
    [
      "raw call with an error",
      echo(404),
      (c) => c.raw.GET("/beta/agents/{agentId}", { params: { path: { agentId: key } } }),
    ],
  ];

  it.each(paths)("%s", async (_name, fault, call) => {
    await failingCall(fault, call);
  });

  it("a refused connection", async () => {
    const server = await startFaultServer(() => ({ kind: "never-answer" }));
    await server.close();
    const client = createDixaClient({
      apiKey: key,
      baseUrl: server.url,
      rateLimit: false,
      retry: false,
    });
    render(await client.notes.list(1).catch((e: unknown) => e));
  });

  it("a missing or blank key", () => {
    for (const options of [{ apiKey: "" }, { apiKey: " " }, {}]) {
      try {
        createDixaClient(options as never);
      } catch (error) {
        render(error);
      }
    }
  });

  it("the client object itself", () => {
    render(createDixaClient({ apiKey: key }));
  });

  afterAll(() => {
    expect(renderings.length).toBeGreaterThan(60);
    expect(logLines.length).toBeGreaterThan(20);
    for (const text of [...renderings, ...logLines]) expect(text).not.toContain(key);
    // The request events do carry headers, with the credential replaced.
    expect(logLines.some((line) => line.includes('"authorization":"[redacted]"'))).toBe(true);
  });
});
