import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

describe("ratings against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.ratings.list(7392)).toEqual(
      exampleData("getConversationsConversationidRatings"),
    );
  });

  it("listLegacy (deprecated)", async () => {
    expect(await client.ratings.listLegacy(7392)).toEqual(
      exampleData("getConversationsConversationidRating"),
    );
  });

  it("offer", async () => {
    const offer = exampleRequest("postConversationsConversationidRatingsOffer");
    expect(offer).toMatchObject({ ratingType: "Csat" });
    expect(await client.ratings.offer(7392, offer)).toEqual(
      exampleData("postConversationsConversationidRatingsOffer"),
    );
  });

  it("submit: Prism refuses every rating result, the spec's oneOf being ambiguous", async () => {
    // SubmittedRatingResult is oneOf Csat | Nps | ThumbsUpOrDown, three identical `{ value }`
    // schemas without a discriminator, so any valid result matches all three and no request
    // can pass Prism. The assertion pins that this is the only thing Prism finds wrong.
    const rating = exampleRequest("postConversationsConversationidRatingsRatingidSubmit");
    expect(rating.ratingResult).toEqual({ value: 4, _type: "Csat" });
    await expect(
      client.ratings.submit(7392, "2f0122db-0824-44d7-b39a-e1f722b8c38c", rating),
    ).rejects.toThrow(
      /Prism rejected POST \/beta\/conversations\/7392\/ratings\/2f0122db-0824-44d7-b39a-e1f722b8c38c\/submit: Request body property ratingResult must match exactly one schema in oneOf$/,
    );
  });
});
