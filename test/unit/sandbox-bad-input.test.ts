/**
 * Bad input to the in-process sandbox gets an answer, never an exception: a body of the wrong
 * shape on any operation, a field of the wrong type in a bulk item, a path that is not valid
 * percent-encoding, and a body past the size limit (413).
 */
import { describe, expect, it } from "vitest";
import { operationTable } from "../../generated/operation-table.js";
import { createDixaClient, isDixaApiError } from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";

const agentId = "93b885ad-fe0d-3089-8df6-34904fd59f71";
/** An object whose `toString` is not a function: `String(value)` and `${value}` throw on it. */
const unprintable = { toString: 1 };

/** Bodies of every wrong shape the bulk and note rules read, and some of no shape at all. */
const hostileBodies: unknown[] = [
  [{ id: unprintable }],
  [{ id: { toString: 1, valueOf: 1 } }],
  { data: [{ id: unprintable }] },
  { data: [{ agentId: unprintable, message: "hello" }] },
  { agentId: unprintable, message: "hello" },
  { agentIds: [unprintable] },
  { data: [{ email: unprintable }] },
  { message: unprintable },
  { data: unprintable },
  unprintable,
  JSON.parse('{"__proto__": {"polluted": true}, "data": [{"__proto__": {"id": "x"}}]}'),
  { data: [null] },
  [null],
  "a string",
  42,
  null,
];

function send(
  sandbox: ReturnType<typeof createDixaSandbox>,
  method: string,
  path: string,
  body?: string,
) {
  return sandbox.fetch(`https://dev.dixa.io${path}`, {
    method,
    headers: { authorization: "test-token", "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
}

describe("a body of the wrong shape", () => {
  it("the reported one: PATCH /beta/agents with an id that cannot be printed is a 400", async () => {
    const sandbox = createDixaSandbox();
    const response = await send(sandbox, "PATCH", "/beta/agents", '[{"id":{"toString":1}}]');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Invalid value for: body (item 0: id must be a string)",
    });
    expect(sandbox.requests.map((r) => r.status)).toEqual([400]);
  });

  it("reaches the client as one 400, not as a dropped connection it retries", async () => {
    const sandbox = createDixaSandbox();
    const dixa = createDixaClient({ apiKey: "test-token", fetch: sandbox.fetch });
    const error = await dixa.raw
      .PATCH("/beta/agents", { body: [{ id: unprintable }] as never })
      .then(
        ({ response }) => response.status,
        (caught: unknown) => caught,
      );
    const status = isDixaApiError(error) ? error.status : error;
    expect(status).toBe(400);
    expect(sandbox.requests).toHaveLength(1);
  });

  it.each([
    ["POST", `/beta/conversations/4711/notes`, { agentId: unprintable, message: "m" }, "agentId"],
    [
      "POST",
      `/beta/conversations/4711/notes/bulk`,
      { data: [{ message: "m" }, { agentId: 7, message: "m" }] },
      "item 1: agentId",
    ],
    ["PUT", "/beta/endusers", { data: [{ id: [1] }] }, "item 0: id"],
    ["POST", "/beta/agents/bulk", { data: [{ email: { at: "x" } }] }, "item 0: email"],
    ["PATCH", `/beta/queues/${agentId}/members`, { agentIds: [agentId, 5] }, "item 1: agent ids"],
  ])(
    "%s %s with a field of the wrong type is a 400 naming it",
    async (method, path, body, what) => {
      const sandbox = createDixaSandbox();
      const response = await send(sandbox, method, path, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(what);
    },
  );

  it("on every operation of the spec, each hostile body gets an answer below 500", async () => {
    const sandbox = createDixaSandbox({ rateLimit: false });
    const crashes: string[] = [];
    let answered = 0;
    for (const [operationId, { method, path }] of Object.entries(operationTable)) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === "conversationId" ? "4711" : agentId,
      );
      const hasBody = method !== "get";
      for (const body of hasBody ? hostileBodies : [undefined]) {
        const text = body === undefined ? undefined : JSON.stringify(body);
        try {
          const response = await send(sandbox, method.toUpperCase(), url, text);
          await response.arrayBuffer();
          if (response.status >= 500) crashes.push(`${operationId} ${text}: ${response.status}`);
          answered++;
        } catch (error) {
          crashes.push(`${operationId} ${text}: ${(error as Error).message}`);
        }
      }
    }
    expect(crashes).toEqual([]);
    expect(answered).toBeGreaterThan(1000);
  });
});

describe("a path that is not valid percent-encoding", () => {
  it.each(["/beta/agents/%E0%A4%A", "/beta/agents/%", "/beta/conversations/%ZZ/notes"])(
    "%s is a 400 that names the path",
    async (path) => {
      const sandbox = createDixaSandbox();
      const response = await send(sandbox, "GET", path);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(
        `Invalid value for: path (${JSON.stringify(path)} is not valid percent-encoding)`,
      );
    },
  );
});

describe("a body past maxRequestBytes", () => {
  it("is answered 413 when its declared length is too large, and recorded", async () => {
    const sandbox = createDixaSandbox({ maxRequestBytes: 1024 });
    const fits = await send(sandbox, "POST", "/beta/conversations/1/notes", `{"message":"a"}`);
    expect(fits.status).toBe(200);
    const body = JSON.stringify({ message: "x".repeat(2000) });
    const response = await send(sandbox, "POST", "/beta/conversations/1/notes", body);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      message: "Request body larger than the sandbox's limit of 1024 bytes",
    });
    expect(sandbox.requests.map((r) => [r.status, r.body === undefined])).toEqual([
      [200, false],
      [413, true],
    ]);
  });

  it("stops reading a streamed body of no declared length at the limit", async () => {
    const sandbox = createDixaSandbox({ maxRequestBytes: 4096 });
    const chunk = new TextEncoder().encode("x".repeat(1024));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const response = await sandbox.fetch("https://dev.dixa.io/beta/conversations/1/notes", {
      method: "POST",
      headers: { authorization: "test-token", "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    // Four chunks fit, the fifth goes past; the stream's own read-ahead may take a few more.
    expect(pulled).toBeLessThan(10);
  });

  it("the limit is checked when the sandbox is made", () => {
    expect(() => createDixaSandbox({ maxRequestBytes: -1 })).toThrow(
      "createDixaSandbox: `maxRequestBytes` must be a whole number of at least 0",
    );
  });
});
