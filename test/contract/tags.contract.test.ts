import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

const tagId = "b794a74a-625b-4303-8237-9b11668a9605";

describe("tags against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.tags.list()).toEqual(exampleData("getTags"));
    expect(await client.tags.list({ includeDeactivated: true })).toEqual(exampleData("getTags"));
  });

  it("create", async () => {
    const input = exampleRequest("postTags");
    expect(input).toEqual({ name: "test", color: "#000000" });
    expect(await client.tags.create(input)).toEqual(exampleData("postTags"));
  });

  it("get", async () => {
    expect(await client.tags.get(tagId)).toEqual(exampleData("getTagsTagid"));
  });

  it("delete", async () => {
    await expect(client.tags.delete(tagId)).resolves.toBeUndefined();
  });

  it("deactivate", async () => {
    await expect(client.tags.deactivate(tagId)).resolves.toBeUndefined();
  });

  it("activate", async () => {
    await expect(client.tags.activate(tagId)).resolves.toBeUndefined();
  });

  it("listForConversation", async () => {
    expect(await client.tags.listForConversation(7392)).toEqual(
      exampleData("getConversationsConversationidTags"),
    );
  });

  it("tagConversation", async () => {
    await expect(client.tags.tagConversation(7392, tagId)).resolves.toBeUndefined();
  });

  it("untagConversation", async () => {
    await expect(client.tags.untagConversation(7392, tagId)).resolves.toBeUndefined();
  });

  it("tagConversationByNames (202, no outcomes)", async () => {
    const { data } = exampleRequest("postConversationsConversationidTagsBulk");
    expect(data).toEqual([{ name: "Example #1" }, { name: "Example #2" }]);
    await expect(client.tags.tagConversationByNames(7392, data)).resolves.toBeUndefined();
  });
});
