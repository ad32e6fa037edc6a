import { afterEach, describe, expect, it } from "vitest";
import { DixaMalformedResponseError, isDixaApiError } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;

const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";
const agent = (i: number, displayName = `Agent ${i}`) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  createdAt: "2020-12-16T09:41:43Z",
  displayName,
  email: `agent.${i}@example.org`,
});
const presence = {
  userId: agentId,
  requestTime: "2021-12-01T12:46:35.935",
  connectionStatus: "Online",
};

describe("agents: requests", () => {
  it("updateMany sends a bare array; patchMany too; createMany wraps in { data }", async () => {
    server = await startLoopbackServer((request, response) => {
      const body = JSON.parse(request.body) as unknown;
      const items = (Array.isArray(body) ? body : (body as { data: unknown[] }).data) as Array<{
        displayName?: string;
      }>;
      sendJson(response, request.method === "POST" ? 201 : 200, {
        data: items.map((item, i) => ({
          _type: "BulkActionSuccess",
          data: agent(i, item.displayName),
        })),
      });
    });
    const client = clientFor(server);
    const update = [{ id: agentId, displayName: "A" }];
    const patch = [{ id: agentId, firstName: "B" }];
    const create = [{ displayName: "C", email: "c@example.org" }];
    await client.agents.updateMany(update);
    await client.agents.patchMany(patch);
    const created = await client.agents.createMany(create);
    expect(created.successes[0]).toMatchObject({ index: 0, input: create[0] });
    expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
      ["PUT", "/beta/agents", update],
      ["PATCH", "/beta/agents", patch],
      ["POST", "/beta/agents/bulk", { data: create }],
    ]);
  });

  it("delete and setWorkingChannel resolve undefined on 204", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(204).end();
    });
    const client = clientFor(server);
    await expect(client.agents.delete(agentId)).resolves.toBeUndefined();
    await expect(
      client.agents.setWorkingChannel(agentId, { channel: "Speak", working: false }),
    ).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["DELETE", `/beta/agents/${agentId}`, ""],
      [
        "PUT",
        `/beta/agents/${agentId}/presence/working-channel`,
        JSON.stringify({ channel: "Speak", working: false }),
      ],
    ]);
  });

  it("listPresence takes the bare list the spec documents, or a { data } envelope", async () => {
    let body: unknown = [presence];
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, body));
    const client = clientFor(server);
    expect(await client.agents.listPresence()).toEqual([presence]);
    body = { data: [presence] };
    expect(await client.agents.listPresence()).toEqual([presence]);
    body = { presence: [presence] };
    await expect(client.agents.listPresence()).rejects.toBeInstanceOf(DixaMalformedResponseError);
  });
});

describe("agents: bulk chunks keep the caller's indexes", () => {
  const cases: Array<
    [
      string,
      (c: Client, n: number) => Promise<{ successes: any[]; failures: any[] }>,
      (n: number) => unknown[],
      string,
    ]
  > = [
    [
      "createMany",
      (c, n) => c.agents.createMany(inputs.create(n), { chunkSize: 3 }),
      (n) => inputs.create(n),
      "POST",
    ],
    [
      "updateMany",
      (c, n) => c.agents.updateMany(inputs.update(n), { chunkSize: 3 }),
      (n) => inputs.update(n),
      "PUT",
    ],
    [
      "patchMany",
      (c, n) => c.agents.patchMany(inputs.patch(n), { chunkSize: 3 }),
      (n) => inputs.patch(n),
      "PATCH",
    ],
  ];
  it.each(cases)(
    "%s: a chunk failing with 500 keeps the others' results",
    async (_name, call, make, method) => {
      let calls = 0;
      server = await startLoopbackServer((request, response) => {
        calls++;
        const body = JSON.parse(request.body) as unknown;
        const items = (Array.isArray(body) ? body : (body as { data: unknown[] }).data) as Array<{
          displayName?: string;
        }>;
        if (calls === 2) return sendJson(response, 500, { message: "database unavailable" });
        sendJson(response, 200, {
          data: items.map((item, i) =>
            item.displayName === "bad"
              ? { _type: "BulkActionFailure", error: { _type: "Validation", message: "no" } }
              : { _type: "BulkActionSuccess", data: agent(i) },
          ),
        });
      });
      const expected = make(7);
      const result = await call(clientFor(server, { retry: false }), 7);
      expect(server.requests.map((r) => r.method)).toEqual([method, method, method]);
      expect(
        server.requests.map((r) => {
          const body = JSON.parse(r.body) as unknown;
          return (Array.isArray(body) ? body : (body as { data: unknown[] }).data).length;
        }),
      ).toEqual([3, 3, 1]);
      // Item 1 is "bad": Dixa's own failure; items 3-5 were in the chunk that got a 500.
      expect(result.successes.map((s) => s.index)).toEqual([0, 2, 6]);
      expect(result.failures.map((f) => f.index)).toEqual([1, 3, 4, 5]);
      for (const outcome of [...result.successes, ...result.failures]) {
        expect(outcome.input).toEqual(expected[outcome.index]);
      }
      expect(result.failures[0]!.error).toEqual({ _type: "Validation", message: "no" });
      for (const failure of result.failures.slice(1)) {
        expect(isDixaApiError(failure.error)).toBe(true);
        expect(failure.error).toMatchObject({ status: 500, serverMessage: "database unavailable" });
      }
    },
  );
});

const name = (i: number) => (i === 1 ? "bad" : `Agent ${i}`);
const inputs = {
  create: (n: number) =>
    Array.from({ length: n }, (_, i) => ({ displayName: name(i), email: `a${i}@example.org` })),
  update: (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: agent(i).id, displayName: name(i) })),
  patch: (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: agent(i).id, displayName: name(i) })),
};

describe("agents: validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
    ["get: a non-UUID id", (c) => c.agents.get("agent-1"), /agentId must be a UUID string/],
    ["get: no id", (c) => c.agents.get(undefined as never), /agentId must be a UUID/],
    [
      "create: missing email",
      (c) => c.agents.create({ displayName: "A" } as never),
      /agent\.email must be a non-empty string/,
    ],
    [
      "create: blank displayName",
      (c) => c.agents.create({ displayName: " ", email: "a@example.org" }),
      /agent\.displayName must be a non-empty string/,
    ],
    ["create: not an object", (c) => c.agents.create(null as never), /agent must be an object/],
    ["createMany: empty", (c) => c.agents.createMany([]), /agents must be a non-empty array/],
    [
      "createMany: one bad item",
      (c) =>
        c.agents.createMany([
          { displayName: "A", email: "a@example.org" },
          { displayName: "B" } as never,
        ]),
      /agents\[1\]\.email must be a non-empty string/,
    ],
    [
      "createMany: zero chunk size",
      (c) => c.agents.createMany([{ displayName: "A", email: "a@x.org" }], { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    [
      "update: bad id",
      (c) => c.agents.update("nope", { displayName: "A" }),
      /agentId must be a UUID string/,
    ],
    [
      "update: missing displayName",
      (c) => c.agents.update(agentId, {} as never),
      /agent\.displayName must be a non-empty string/,
    ],
    [
      "updateMany: not an array",
      (c) => c.agents.updateMany({} as never),
      /agents must be a non-empty array/,
    ],
    [
      "updateMany: item without id",
      (c) =>
        c.agents.updateMany([{ id: agentId, displayName: "A" }, { displayName: "B" } as never]),
      /agents\[1\]\.id must be a non-empty string/,
    ],
    [
      "updateMany: item without displayName",
      (c) => c.agents.updateMany([{ id: agentId } as never]),
      /agents\[0\]\.displayName must be a non-empty string/,
    ],
    ["patch: bad id", (c) => c.agents.patch("", {}), /agentId must be a UUID string/],
    [
      "patch: not an object",
      (c) => c.agents.patch(agentId, [] as never),
      /patch must be an object/,
    ],
    ["patchMany: empty", (c) => c.agents.patchMany([]), /patches must be a non-empty array/],
    [
      "patchMany: item without id",
      (c) => c.agents.patchMany([{ displayName: "B" } as never]),
      /patches\[0\]\.id must be a non-empty string/,
    ],
    ["delete: bad id", (c) => c.agents.delete("123"), /agentId must be a UUID string/],
    ["listTeams: bad id", (c) => c.agents.listTeams("x"), /agentId must be a UUID string/],
    ["getPresence: bad id", (c) => c.agents.getPresence(42 as never), /agentId must be a UUID/],
    [
      "setWorkingChannel: bad id",
      (c) => c.agents.setWorkingChannel("x", { channel: "Speak", working: true }),
      /agentId must be a UUID string/,
    ],
    [
      "setWorkingChannel: missing channel",
      (c) => c.agents.setWorkingChannel(agentId, { working: true } as never),
      /input\.channel must be a non-empty string/,
    ],
    [
      "setWorkingChannel: working as a string",
      (c) => c.agents.setWorkingChannel(agentId, { channel: "Speak", working: "yes" as never }),
      /input\.working must be a boolean, got a string/,
    ],
  ];
  it.each(cases)("%s", (name, call, message) =>
    expectRefusedBeforeSending([name, "async", call, message]),
  );

  it("messages describe values without echoing them", async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const error = await clientFor(server)
      .agents.get("secret-looking-value")
      .catch((e: unknown) => e);
    expect(String(error)).not.toContain("secret-looking-value");
  });
});
