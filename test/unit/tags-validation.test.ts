import { afterEach, describe, expect, it } from "vitest";

import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import {
  type RefusalCase as Case,
  expectRefusedBeforeSending,
} from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tagId = "b794a74a-625b-4303-8237-9b11668a9605";
const tag = { id: tagId, name: "vip", state: "Active" };

describe("tags validation happens before any request", () => {
  const cases: Case[] = [
    [
      "list: includeDeactivated that is not a boolean",
      "async",
      (c) => c.tags.list({ includeDeactivated: "yes" as never }),
      /query\.includeDeactivated must be a boolean, got a string/,
    ],
    [
      "list: a query that is not an object",
      "async",
      (c) => c.tags.list(null as never),
      /query must be an object/,
    ],
    ["create: no body", "async", (c) => c.tags.create(undefined as never), /tag must be an object/],
    [
      "create: no name",
      "async",
      (c) => c.tags.create({ color: "#000000" } as never),
      /tag\.name must be a non-empty string/,
    ],
    [
      "create: a color that is not a string",
      "async",
      (c) => c.tags.create({ name: "vip", color: 0xff0000 as never }),
      /tag\.color must be a string/,
    ],
    [
      "get: a tag id that is not a UUID",
      "async",
      (c) => c.tags.get("vip"),
      /tagId must be a UUID string/,
    ],
    [
      "delete: a missing tag id",
      "async",
      (c) => c.tags.delete(undefined as never),
      /tagId must be a UUID string, got undefined/,
    ],
    [
      "deactivate: a tag id that is not a UUID",
      "async",
      (c) => c.tags.deactivate("1234"),
      /tagId must be a UUID string/,
    ],
    [
      "activate: a tag id that is not a UUID",
      "async",
      (c) => c.tags.activate(""),
      /tagId must be a UUID string, got an empty string/,
    ],
    [
      "listForConversation: a string conversation id",
      "async",
      (c) => c.tags.listForConversation("42" as never),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tagConversation: a zero conversation id",
      "async",
      (c) => c.tags.tagConversation(0, tagId),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tagConversation: a tag id that is not a UUID",
      "async",
      (c) => c.tags.tagConversation(42, "vip"),
      /tagId must be a UUID string/,
    ],
    [
      "untagConversation: a fractional conversation id",
      "async",
      (c) => c.tags.untagConversation(4.2, tagId),
      /conversationId must be a positive safe integer/,
    ],
    [
      "untagConversation: a tag id that is not a UUID",
      "async",
      (c) => c.tags.untagConversation(42, "x"),
      /tagId must be a UUID string/,
    ],
    [
      "tagConversationByNames: an unsafe conversation id",
      "async",
      (c) => c.tags.tagConversationByNames(2 ** 53, [{ name: "a" }]),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tagConversationByNames: no tags",
      "async",
      (c) => c.tags.tagConversationByNames(42, []),
      /tags must be a non-empty array/,
    ],
    [
      "tagConversationByNames: the body instead of the list",
      "async",
      (c) => c.tags.tagConversationByNames(42, { data: [{ name: "a" }] } as never),
      /tags must be a non-empty array, got object/,
    ],
    [
      "tagConversationByNames: a tag without name",
      "async",
      (c) => c.tags.tagConversationByNames(42, [{ name: "a" }, { name: " " }]),
      /tags\[1\]\.name must be a non-empty string/,
    ],
  ];
  it.each(cases)("%s", async (...testCase) => expectRefusedBeforeSending(testCase));
});

describe("tags request shape", () => {
  it("list passes includeDeactivated as a query parameter and unwraps { data }", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [tag] }),
    );
    expect(await clientFor(server).tags.list({ includeDeactivated: true })).toEqual([tag]);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/beta/tags?includeDeactivated=true",
    });
  });

  it("tagConversationByNames wraps the names in { data } and resolves undefined on 202", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(202);
      response.end();
    });
    const tags = [{ name: "Example #1" }, { name: "Example #2" }];
    await expect(clientFor(server).tags.tagConversationByNames(42, tags)).resolves.toBeUndefined();
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: "/beta/conversations/42/tags/bulk",
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ data: tags });
  });

  it("tag, untag, delete, activate and deactivate use their verbs and resolve undefined on 204", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const client = clientFor(server);
    await expect(client.tags.tagConversation(42, tagId)).resolves.toBeUndefined();
    await expect(client.tags.untagConversation(42, tagId)).resolves.toBeUndefined();
    await expect(client.tags.delete(tagId)).resolves.toBeUndefined();
    await expect(client.tags.deactivate(tagId)).resolves.toBeUndefined();
    await expect(client.tags.activate(tagId)).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `PUT /beta/conversations/42/tags/${tagId}`,
      `DELETE /beta/conversations/42/tags/${tagId}`,
      `DELETE /beta/tags/${tagId}`,
      `PATCH /beta/tags/${tagId}/deactivate`,
      `PATCH /beta/tags/${tagId}/activate`,
    ]);
  });
});
