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

const ratingId = "2f0122db-0824-44d7-b39a-e1f722b8c38c";
const rating = { ratingResult: { value: 4, _type: "Csat" }, comment: "Great" };

describe("ratings validation happens before any request", () => {
  const cases: Case[] = [
    [
      "list: a string conversation id",
      "async",
      (c) => c.ratings.list("42" as never),
      /conversationId must be a positive safe integer.*got a string/,
    ],
    [
      "listLegacy: a negative conversation id",
      "async",
      (c) => c.ratings.listLegacy(-1),
      /conversationId must be a positive safe integer/,
    ],
    [
      "offer: a zero conversation id",
      "async",
      (c) => c.ratings.offer(0, { ratingType: "Csat" }),
      /conversationId must be a positive safe integer/,
    ],
    [
      "offer: no body",
      "async",
      (c) => c.ratings.offer(42, null as never),
      /offer must be an object/,
    ],
    [
      "offer: no ratingType",
      "async",
      (c) => c.ratings.offer(42, { userId: "u" } as never),
      /offer\.ratingType must be a non-empty string/,
    ],
    [
      "offer: an agentId that is not a string",
      "async",
      (c) => c.ratings.offer(42, { ratingType: "Nps", agentId: 5 as never }),
      /offer\.agentId must be a string/,
    ],
    [
      "submit: an unsafe conversation id",
      "async",
      (c) => c.ratings.submit(2 ** 53, ratingId, rating),
      /conversationId must be a positive safe integer/,
    ],
    [
      "submit: an empty rating id",
      "async",
      (c) => c.ratings.submit(42, "", rating),
      /ratingId must be a non-empty string/,
    ],
    [
      "submit: no body",
      "async",
      (c) => c.ratings.submit(42, ratingId, undefined as never),
      /rating must be an object/,
    ],
    [
      "submit: no ratingResult",
      "async",
      (c) => c.ratings.submit(42, ratingId, { comment: "x" } as never),
      /rating\.ratingResult is required/,
    ],
    [
      "submit: a fractional score",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ratingResult: { value: 4.5, _type: "Csat" } }),
      /rating\.ratingResult\.value must be an integer/,
    ],
    [
      "submit: a score without its kind",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ratingResult: { value: 4 } } as never),
      /rating\.ratingResult\._type must be a non-empty string/,
    ],
    [
      "submit: a comment that is not a string",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ...rating, comment: 5 } as never),
      /rating\.comment must be a string/,
    ],
  ];
  it.each(cases)("%s", async (...testCase) => expectRefusedBeforeSending(testCase));
});

describe("ratings request shape", () => {
  it("submit sends the tagged result to the offer's path and unwraps { data }", async () => {
    const answer = { ratingId, ...rating };
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 201, { data: answer }),
    );
    expect(await clientFor(server).ratings.submit(42, ratingId, rating)).toEqual(answer);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: `/beta/conversations/42/ratings/${ratingId}/submit`,
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(rating);
  });

  it("list and listLegacy read their own paths", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    const client = clientFor(server);
    expect(await client.ratings.list(42)).toEqual([]);
    expect(await client.ratings.listLegacy(42)).toEqual([]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/conversations/42/ratings",
      "/beta/conversations/42/rating",
    ]);
  });
});
