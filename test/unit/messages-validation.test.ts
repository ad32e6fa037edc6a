import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { type TestClient as Client, errorOf } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const agentId = "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89";
const messageId = "1b9adc49-62f7-4056-a9c0-c18c1f25afdb";

describe("messages validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => unknown, RegExp]> = [
    // list
    [
      "list with a string id",
      (c) => c.messages.list("4711" as never),
      /conversationId must be a positive safe integer.*got a string/,
    ],
    ["list with a zero id", (c) => c.messages.list(0), /conversationId must be/],
    // create
    [
      "create with a bad conversation id",
      (c) => c.messages.create(-5, { content: { value: "hi" } }),
      /conversationId must be/,
    ],
    ["create without a message", (c) => c.messages.create(1, undefined as never), /message must/],
    [
      "create an inbound message without content",
      (c) => c.messages.create(1, { attachments: [] } as never),
      /message\.content is required for an inbound message \(an outbound one names its agentId\)/,
    ],
    [
      "create an outbound message with a bad agentId",
      (c) => c.messages.create(1, { agentId: "agent-7", content: { value: "hi" } }),
      /message\.agentId must be a UUID string/,
    ],
    [
      "create a message tagged Outbound without agentId",
      (c) => c.messages.create(1, { content: { value: "hi" }, _type: "Outbound" } as never),
      /message\.agentId must be a UUID string, got undefined/,
    ],
    [
      "create with an unknown _type",
      (c) => c.messages.create(1, { content: { value: "hi" }, _type: "Note" }),
      /message\._type must be "Inbound" or "Outbound"/,
    ],
    [
      "create with content that is a plain string",
      (c) => c.messages.create(1, { content: "hi" as never }),
      /message\.content must be an object, got a string/,
    ],
    [
      "create with content without a value",
      (c) => c.messages.create(1, { content: { _type: "Text" } as never }),
      /message\.content\.value must be a string, got undefined/,
    ],
    // anonymize
    [
      "anonymize with a bad conversation id",
      (c) => c.messages.anonymize(1.5, messageId),
      /conversationId must be/,
    ],
    [
      "anonymize with a bad message id",
      (c) => c.messages.anonymize(1, "42"),
      /messageId must be a UUID string/,
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

  it("the content itself is never echoed in an error", async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const error = await errorOf(() =>
      clientFor(server!).messages.create(1, {
        content: "my card number is 4111 1111 1111 1111" as never,
      }),
    );
    expect((error as Error).message).toBe(
      "message.content must be an object, got a string of 37 characters",
    );
  });
});

describe("messages requests", () => {
  it("create sends inbound, outbound and attachment-only messages as given", async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 200, {
        data: { direction: "Outbound", authorId: agentId, messageId, ...JSON.parse(request.body) },
      }),
    );
    const c = clientFor(server).messages;
    const inbound = { content: { value: "I need help", _type: "Html" }, _type: "Inbound" };
    const outbound = { content: { value: "On it", _type: "Text" }, agentId, _type: "Outbound" };
    const attachmentOnly = { agentId, attachments: [{ url: "https://files.example/x.jpg" }] };
    for (const message of [inbound, outbound, attachmentOnly]) {
      const created = await c.create(4711, message);
      expect(created.messageId).toBe(messageId);
    }
    expect(server.requests.map((r) => [r.method, r.url])).toEqual(
      Array(3).fill(["POST", "/beta/conversations/4711/messages"]),
    );
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      inbound,
      outbound,
      attachmentOnly,
    ]);
  });

  it("anonymize puts both ids in the path", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 202, { data: { id: messageId } }),
    );
    await clientFor(server).messages.anonymize(4711, messageId);
    expect(server.requests[0]).toMatchObject({
      method: "PATCH",
      url: `/beta/conversations/4711/messages/${messageId}/anonymize`,
    });
  });
});
