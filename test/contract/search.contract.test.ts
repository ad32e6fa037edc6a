import { describe, expect, it } from "vitest";
import { DixaPaginationError } from "../../src/index.js";
import { prismClient } from "./prism-client.js";
import { exampleBody, exampleData } from "./spec-examples.js";

describe("search against Prism", () => {
  const client = prismClient();

  it("conversations", async () => {
    // Prism answers the first example, whose meta.next names a second page.
    const hits = exampleData("postSearchConversations");
    expect(exampleBody("postSearchConversations").meta.next).toContain("pageKey=");
    const search = client.search.conversations(
      { query: { value: "cancel my order", exactMatch: true } },
      { pageLimit: 3 },
    );
    expect(await search.toArray({ max: hits.length })).toEqual(hits);
  });

  it("conversations follows meta.next with the same body (Prism repeats its page, so the paginator stops)", async () => {
    const search = client.search.conversations({ query: { value: "cancel my order" } });
    const error = await search.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaPaginationError);
  });

  it("conversationsByQuery (deprecated)", async () => {
    expect(
      await client.search
        .conversationsByQuery({ query: "cancel my order", exactMatch: false })
        .toArray(),
    ).toEqual(exampleData("getSearchConversations"));
  });
});
