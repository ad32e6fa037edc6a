import { describe, expect, it } from "vitest";
import { DixaApiError } from "../../src/index.js";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

const conversationId = 10749;

describe("messages against Prism", () => {
  const client = prismClient();

  it("list (Prism answers the first of the spec's examples)", async () => {
    const messages = await client.messages.list(conversationId);
    expect(messages).toEqual(exampleData("getConversationsConversationidMessages"));
  });

  it("create (an outbound WhatsApp attachment without content: see below)", async () => {
    const created = await client.messages.create(conversationId, {
      agentId: "359ef707-d77f-4298-a101-43da2d0c5770",
      attachments: [{ url: "https://file.hosting.service/file1234.jpg" }],
      _type: "Outbound",
    });
    expect(created).toEqual(exampleData("postConversationsConversationidMessages"));
  });

  it("create: any message with content is refused, since Content's oneOf cannot be satisfied", async () => {
    // Html, Markdown and Text are the same `{ value: string }` schema (Dixa's `_type` tag is left
    // out), so every content matches all three and JSON Schema's "exactly one" fails. The spec's
    // own example is refused too.
    const plain = prismClient({ fetch: (request) => fetch(request) });
    const error = await plain.messages
      .create(conversationId, exampleRequest("postConversationsConversationidMessages"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaApiError);
    expect((error as DixaApiError).status).toBe(400);
  });

  it("anonymize (202 with the queued request)", async () => {
    const request = await client.messages.anonymize(
      conversationId,
      "1b9adc49-62f7-4056-a9c0-c18c1f25afdb",
    );
    expect(request).toEqual(
      exampleData("patchConversationsConversationidMessagesMessageidAnonymize"),
    );
  });
});
