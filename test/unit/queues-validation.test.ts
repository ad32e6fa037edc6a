import { afterEach, describe, expect, it } from "vitest";
import { isDixaApiError } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;

const queueId = "0bf82493-ae46-4c49-aa29-0422136269be";
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const queueRequest = {
  name: "Main",
  callFunctionality: false,
  isDefault: true,
  isDoNotOfferEnabled: false,
};

describe("queues: requests", () => {
  it("addMembers sends { agentIds } and pairs each outcome with its agent id", async () => {
    server = await startLoopbackServer((request, response) => {
      const { agentIds } = JSON.parse(request.body) as { agentIds: string[] };
      sendJson(response, 200, {
        data: agentIds.map((id, i) =>
          i === 1
            ? {
                _type: "BulkActionFailure",
                error: { _type: "NotFound", id, message: "User not found" },
              }
            : { _type: "BulkActionSuccess", data: id },
        ),
      });
    });
    const agentIds = [uuid(0), uuid(1), uuid(2)];
    const result = await clientFor(server).queues.addMembers(queueId, { agentIds });
    expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
      ["PATCH", `/beta/queues/${queueId}/members`, { agentIds }],
    ]);
    expect(result.successes).toEqual([
      { index: 0, input: agentIds[0], data: agentIds[0] },
      { index: 2, input: agentIds[2], data: agentIds[2] },
    ]);
    expect(result.failures).toEqual([
      {
        reason: "rejected",
        index: 1,
        input: agentIds[1],
        error: { _type: "NotFound", id: agentIds[1], message: "User not found" },
      },
    ]);
  });

  it("addMembers with chunks keeps caller indexes and turns a failed chunk into failures", async () => {
    let calls = 0;
    server = await startLoopbackServer((request, response) => {
      calls++;
      const { agentIds } = JSON.parse(request.body) as { agentIds: string[] };
      if (calls === 2) return sendJson(response, 500, { message: "database unavailable" });
      sendJson(response, 200, { data: agentIds.map((id) => ({ data: id })) });
    });
    const agentIds = Array.from({ length: 7 }, (_, i) => uuid(i));
    const result = await clientFor(server, { retry: false }).queues.addMembers(
      queueId,
      { agentIds },
      { chunkSize: 3 },
    );
    expect(server.requests.map((r) => JSON.parse(r.body).agentIds as string[])).toEqual([
      agentIds.slice(0, 3),
      agentIds.slice(3, 6),
      agentIds.slice(6),
    ]);
    expect(result.successes.map((s) => [s.index, s.input, s.data])).toEqual(
      [0, 1, 2, 6].map((i) => [i, agentIds[i], agentIds[i]]),
    );
    expect(result.failures.map((f) => [f.index, f.input])).toEqual(
      [3, 4, 5].map((i) => [i, agentIds[i]]),
    );
    for (const failure of result.failures) {
      expect(isDixaApiError(failure.error)).toBe(true);
      expect(failure.error).toMatchObject({ status: 500, serverMessage: "database unavailable" });
    }
  });

  it("removeMembers resolves undefined on 204; getConversationPosition uses the csid", async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.method === "DELETE") return void response.writeHead(204).end();
      sendJson(response, 200, { data: { position: 3, queuedAt: "2021-12-01T13:00:00.003Z" } });
    });
    const client = clientFor(server);
    await expect(
      client.queues.removeMembers(queueId, { agentIds: [uuid(1)] }),
    ).resolves.toBeUndefined();
    expect(await client.queues.getConversationPosition(4711)).toEqual({
      position: 3,
      queuedAt: "2021-12-01T13:00:00.003Z",
    });
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([
      ["DELETE", `/beta/queues/${queueId}/members`],
      ["GET", "/beta/queues/conversation-position/4711"],
    ]);
  });
});

describe("queues: validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
    ["get: a non-UUID id", (c) => c.queues.get("main-queue"), /queueId must be a UUID string/],
    ["listMembers: bad id", (c) => c.queues.listMembers("1"), /queueId must be a UUID string/],
    [
      "getAvailability: bad id",
      (c) => c.queues.getAvailability(null as never),
      /queueId must be a UUID string, got null/,
    ],
    [
      "getConversationPosition: a string csid",
      (c) => c.queues.getConversationPosition("4711" as never),
      /csid must be a positive safe integer/,
    ],
    [
      "getConversationPosition: an unsafe csid",
      (c) => c.queues.getConversationPosition(2 ** 53),
      /csid must be a positive safe integer/,
    ],
    [
      "create: no request wrapper",
      (c) => c.queues.create(queueRequest as never),
      /queue\.request must be an object/,
    ],
    [
      "create: missing name",
      (c) => c.queues.create({ request: { ...queueRequest, name: undefined as never } }),
      /queue\.request\.name must be a non-empty string/,
    ],
    [
      "create: isDefault as a string",
      (c) => c.queues.create({ request: { ...queueRequest, isDefault: "true" as never } }),
      /queue\.request\.isDefault must be a boolean/,
    ],
    [
      "create: missing callFunctionality",
      (c) =>
        c.queues.create({ request: { ...queueRequest, callFunctionality: undefined as never } }),
      /queue\.request\.callFunctionality must be a boolean/,
    ],
    [
      "create: missing isDoNotOfferEnabled",
      (c) =>
        c.queues.create({ request: { ...queueRequest, isDoNotOfferEnabled: undefined as never } }),
      /queue\.request\.isDoNotOfferEnabled must be a boolean/,
    ],
    [
      "addMembers: bad queue id",
      (c) => c.queues.addMembers("x", { agentIds: [uuid(1)] }),
      /queueId must be a UUID string/,
    ],
    [
      "addMembers: no agentIds",
      (c) => c.queues.addMembers(queueId, {}),
      /members\.agentIds must be a non-empty array/,
    ],
    [
      "addMembers: one bad agent id",
      (c) => c.queues.addMembers(queueId, { agentIds: [uuid(1), "agent-2"] }),
      /members\.agentIds\[1\] must be a UUID string/,
    ],
    [
      "addMembers: zero chunk size",
      (c) => c.queues.addMembers(queueId, { agentIds: [uuid(1)] }, { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    [
      "removeMembers: bad queue id",
      (c) => c.queues.removeMembers("x", { agentIds: [uuid(1)] }),
      /queueId must be a UUID string/,
    ],
    [
      "removeMembers: agentIds that are not UUIDs",
      (c) => c.queues.removeMembers(queueId, { agentIds: ["x"] }),
      /members\.agentIds\[0\] must be a UUID string/,
    ],
    [
      "removeMembers: more than the documented 10 ids",
      (c) =>
        c.queues.removeMembers(queueId, {
          agentIds: Array.from({ length: 11 }, (_, i) => uuid(i)),
        }),
      /members\.agentIds must hold at most 10 ids per call, got an array of 11/,
    ],
  ];
  it.each(cases)("%s", (name, call, message) =>
    expectRefusedBeforeSending([name, "async", call, message]),
  );
});
