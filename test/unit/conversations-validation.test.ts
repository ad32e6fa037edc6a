import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { type TestClient as Client, errorOf } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const uuid = "5a556159-9c21-4f3e-a44f-d323deb80d16";
const attributeId = "2f5515b6-7e98-4f4d-9010-bfd2a27d4f35";
const email = {
  requesterId: uuid,
  emailIntegrationId: "my-integration@email.dixa.io",
  subject: "order #123",
  message: { content: { value: "My order hasn't shipped", _type: "Text" }, _type: "Inbound" },
  _type: "Email",
};
const importBody = {
  genericChannelName: "genericapimessaging",
  requesterId: uuid,
  direction: "Inbound",
  createdAt: "2021-12-01T11:00:00.001Z",
};

describe("conversations validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => unknown, RegExp]> = [
    // get
    [
      "get with a string id",
      (c) => c.conversations.get("4711" as never),
      /conversationId must be a positive safe integer.*got a string/,
    ],
    ["get with a fractional id", (c) => c.conversations.get(1.5), /conversationId must be/],
    ["get with an unsafe id", (c) => c.conversations.get(2 ** 53), /conversationId must be/],
    // create
    ["create without a body", (c) => c.conversations.create(null as never), /conversation must be/],
    [
      "create with a bad requesterId",
      (c) => c.conversations.create({ ...email, requesterId: "x" }),
      /conversation\.requesterId must be a UUID string/,
    ],
    [
      "create an Email without a subject",
      (c) => c.conversations.create({ ...email, subject: undefined } as never),
      /conversation\.subject must be a non-empty string, got undefined/,
    ],
    [
      "create an untagged body that fits no kind",
      (c) => c.conversations.create({ requesterId: uuid, widgetId: uuid } as never),
      /conversation\.message is required \(a Chat conversation needs widgetId, message;/,
    ],
    [
      "create a Callback without its queue",
      (c) =>
        c.conversations.create({
          requesterId: uuid,
          direction: "Outbound",
          contactEndpointId: "+4511111111",
          _type: "Callback",
        } as never),
      /conversation\.queueId must be a UUID string, got undefined/,
    ],
    [
      "create with an inbound first message without content",
      (c) => c.conversations.create({ ...email, message: { _type: "Inbound" } } as never),
      /conversation\.message\.content is required for an inbound message/,
    ],
    [
      "create with an outbound first message without agentId",
      (c) =>
        c.conversations.create({
          ...email,
          message: { content: { value: "hi" }, _type: "Outbound" },
        } as never),
      /conversation\.message\.agentId must be a UUID string, got undefined/,
    ],
    // import
    [
      "import without genericChannelName",
      (c) => c.conversations.import({ ...importBody, genericChannelName: "" }),
      /conversation\.genericChannelName must be a non-empty string/,
    ],
    [
      "import with a createdAt that is no date-time",
      (c) => c.conversations.import({ ...importBody, createdAt: "yesterday" }),
      /conversation\.createdAt must be an ISO 8601 date-time string/,
    ],
    [
      "import with a message without content",
      (c) =>
        c.conversations.import({
          ...importBody,
          messages: [
            { content: { value: "hi" }, createdAt: "2021-12-01T13:00:00Z" },
            { createdAt: "2021-12-01T13:00:00Z" } as never,
          ],
        }),
      /conversation\.messages\[1\]\.content must be an object, got undefined/,
    ],
    [
      "import with an outbound message without agentId",
      (c) =>
        c.conversations.import({
          ...importBody,
          messages: [
            {
              content: { value: "hi" },
              createdAt: "2021-12-01T13:00:00Z",
              _type: "OutboundImport",
            } as never,
          ],
        }),
      /conversation\.messages\[0\]\.agentId must be a UUID string/,
    ],
    // close / reopen
    ["close with a bad id", (c) => c.conversations.close(0), /conversationId must be/],
    [
      "close on behalf of a non-UUID user",
      (c) => c.conversations.close(1, { userId: "agent-7" }),
      /input\.userId must be a UUID string/,
    ],
    ["reopen with a bad id", (c) => c.conversations.reopen(-3), /conversationId must be/],
    [
      "reopen with a body that is not an object",
      (c) => c.conversations.reopen(1, "x" as never),
      /input must be an object/,
    ],
    // followUp
    [
      "followUp with a bad id",
      (c) => c.conversations.followUp(NaN, { timestamp: "2025-01-08T08:31:25Z" }),
      /conversationId must be a positive safe integer.*got NaN/,
    ],
    [
      "followUp without a timestamp",
      (c) => c.conversations.followUp(1, {} as never),
      /followUp\.timestamp must be an ISO 8601 date-time string, got undefined/,
    ],
    [
      "followUp with a Date instead of a string",
      (c) => c.conversations.followUp(1, { timestamp: new Date() as never }),
      /followUp\.timestamp must be an ISO 8601 date-time string, got object/,
    ],
    // transferToQueue
    [
      "transferToQueue with a bad id",
      (c) => c.conversations.transferToQueue("1" as never, { queueId: uuid }),
      /conversationId must be/,
    ],
    [
      "transferToQueue without a queue",
      (c) => c.conversations.transferToQueue(1, { userId: uuid } as never),
      /transfer\.queueId must be a UUID string, got undefined/,
    ],
    // claim
    [
      "claim with a bad id",
      (c) => c.conversations.claim(1.1, { agentId: uuid }),
      /conversationId must be/,
    ],
    [
      "claim without an agent",
      (c) => c.conversations.claim(1, { force: true } as never),
      /claim\.agentId must be a UUID string, got undefined/,
    ],
    [
      "claim with a string force",
      (c) => c.conversations.claim(1, { agentId: uuid, force: "false" as never }),
      /claim\.force must be a boolean/,
    ],
    // link
    [
      "link with a bad id",
      (c) => c.conversations.link(0, { parentId: 2, linkType: "SideConversation" }),
      /conversationId must be/,
    ],
    [
      "link with a string parent id",
      (c) => c.conversations.link(1, { parentId: "2" as never, linkType: "SideConversation" }),
      /link\.parentId must be an integer/,
    ],
    [
      "link without a link type",
      (c) => c.conversations.link(1, { parentId: 2 } as never),
      /link\.linkType must be a non-empty string, got undefined/,
    ],
    // listLinked / getActivityLog
    ["listLinked with a bad id", (c) => c.conversations.listLinked(-1), /conversationId must be/],
    [
      "getActivityLog with a bad id",
      (c) => c.conversations.getActivityLog(null as never),
      /conversationId must be.*got null/,
    ],
    // updateCustomAttributes
    [
      "updateCustomAttributes with a bad id",
      (c) => c.conversations.updateCustomAttributes(0, { [attributeId]: "x" }),
      /conversationId must be/,
    ],
    [
      "updateCustomAttributes with an array of numbers",
      (c) => c.conversations.updateCustomAttributes(1, { [attributeId]: [1, 2] as never }),
      /attributes\["2f5515b6-7e98-4f4d-9010-bfd2a27d4f35"\] must be a string or an array of strings, got an array of 2/,
    ],
    [
      "updateCustomAttributes with nothing to set",
      (c) => c.conversations.updateCustomAttributes(1, {}),
      /attributes must set at least one custom attribute/,
    ],
    // listOrganizationActivityLog
    [
      "listOrganizationActivityLog with a bad fromDatetime",
      (c) => c.conversations.listOrganizationActivityLog({ fromDatetime: "last week" }),
      /query\.fromDatetime must be an ISO 8601 date-time string/,
    ],
    [
      "listOrganizationActivityLog with a bad toDatetime",
      (c) => c.conversations.listOrganizationActivityLog({ toDatetime: "" }),
      /query\.toDatetime must be an ISO 8601 date-time string, got an empty string/,
    ],
    // listFlows
    [
      "listFlows with a channel that is not a string",
      (c) => c.conversations.listFlows({ channel: 1 as never }),
      /query\.channel must be a string/,
    ],
    // anonymize
    ["anonymize with a bad id", (c) => c.conversations.anonymize(0), /conversationId must be/],
    [
      "anonymize with a number force",
      (c) => c.conversations.anonymize(1, { force: 1 as never }),
      /query\.force must be a boolean, got the number 1/,
    ],
  ];

  it.each(cases)("%s", async (_name, call, message) => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    const error = await errorOf(() => call(clientFor(server!)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it("listOrganizationActivityLog throws at once (it is not async)", async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const client = clientFor(server);
    expect(() => client.conversations.listOrganizationActivityLog({ fromDatetime: "x" })).toThrow(
      TypeError,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("conversations requests", () => {
  it("create sends the body with its _type tags and unwraps the new id", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 201, { data: { id: 100 } }),
    );
    const created = await clientFor(server).conversations.create(email);
    expect(created).toEqual({ id: 100 });
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/conversations" });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(email);
  });

  it("the state changes answer 204 and resolve undefined", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const c = clientFor(server).conversations;
    await expect(c.close(4711)).resolves.toBeUndefined();
    await expect(c.reopen(4711, { userId: uuid })).resolves.toBeUndefined();
    await expect(
      c.followUp(4711, { timestamp: "2025-01-08T08:31:25Z", userId: uuid }),
    ).resolves.toBeUndefined();
    await expect(c.transferToQueue(4711, { queueId: uuid })).resolves.toBeUndefined();
    await expect(c.claim(4711, { agentId: uuid, force: false })).resolves.toBeUndefined();
    await expect(
      c.link(4711, { parentId: 12345, linkType: "SideConversation" }),
    ).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ["PUT", "/beta/conversations/4711/close", {}],
      ["PUT", "/beta/conversations/4711/reopen", { userId: uuid }],
      [
        "PUT",
        "/beta/conversations/4711/followup",
        { timestamp: "2025-01-08T08:31:25Z", userId: uuid },
      ],
      ["PUT", "/beta/conversations/4711/transfer/queue", { queueId: uuid }],
      ["PUT", "/beta/conversations/4711/claim", { agentId: uuid, force: false }],
      ["PUT", "/beta/conversations/4711/link", { parentId: 12345, linkType: "SideConversation" }],
    ]);
  });

  it("listOrganizationActivityLog sends the window and pages lazily", async () => {
    server = await startLoopbackServer((request, response) => {
      const next = request.url.includes("pageKey=k2")
        ? undefined
        : "/beta/conversations/activitylog?pageKey=k2";
      sendJson(response, 200, { data: [{ id: request.url }], ...(next ? { meta: { next } } : {}) });
    });
    const log = clientFor(server).conversations.listOrganizationActivityLog({
      fromDatetime: "2021-12-01T00:00:00Z",
    });
    expect(server.requests).toHaveLength(0);
    expect(await log.toArray()).toHaveLength(2);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/conversations/activitylog?fromDatetime=2021-12-01T00%3A00%3A00Z",
      "/beta/conversations/activitylog?fromDatetime=2021-12-01T00%3A00%3A00Z&pageKey=k2",
    ]);
  });
});
