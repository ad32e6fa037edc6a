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

const tagCondition = {
  field: {
    _type: "TagId",
    operator: { _type: "IncludesOne", values: ["177e7564-6434-4177-a25a-8530089196ad"] },
  },
};
const withCondition = (condition: unknown) =>
  ({ filters: { strategy: "All", conditions: [tagCondition, condition] } }) as never;

describe("search validation happens before any request", () => {
  const cases: Case[] = [
    [
      "conversations: a body that is not an object",
      "paged",
      (c) => c.search.conversations("order" as never),
      /search must be an object, got a string/,
    ],
    [
      "conversations: a text query without value",
      "paged",
      (c) => c.search.conversations({ query: { exactMatch: true } } as never),
      /search\.query\.value must be a non-empty string/,
    ],
    [
      "conversations: exactMatch that is not a boolean",
      "paged",
      (c) => c.search.conversations({ query: { value: "x", exactMatch: "yes" as never } }),
      /search\.query\.exactMatch must be a boolean/,
    ],
    [
      "conversations: filters without strategy",
      "paged",
      (c) => c.search.conversations({ filters: { conditions: [] } } as never),
      /search\.filters\.strategy must be a non-empty string/,
    ],
    [
      "conversations: conditions that are not an array",
      "paged",
      (c) =>
        c.search.conversations({ filters: { strategy: "All", conditions: tagCondition } } as never),
      /search\.filters\.conditions must be an array/,
    ],
    [
      "conversations: a condition without field",
      "paged",
      (c) => c.search.conversations(withCondition({})),
      /search\.filters\.conditions\[1\]\.field must be an object/,
    ],
    [
      "conversations: a field without its kind",
      "paged",
      (c) => c.search.conversations(withCondition({ field: { operator: { _type: "IsEmpty" } } })),
      /search\.filters\.conditions\[1\]\.field\._type must be a non-empty string/,
    ],
    [
      "conversations: an operator without its kind",
      "paged",
      (c) =>
        c.search.conversations(
          withCondition({ field: { _type: "QueueId", operator: { values: ["q"] } } }),
        ),
      /search\.filters\.conditions\[1\]\.field\.operator\._type must be a non-empty string/,
    ],
    [
      "conversations: a zero pageLimit",
      "paged",
      (c) => c.search.conversations({}, { pageLimit: 0 }),
      /query\.pageLimit must be a positive integer/,
    ],
    [
      "conversationsByQuery: no query text",
      "paged",
      (c) => c.search.conversationsByQuery({ query: "" }),
      /query\.query must be a non-empty string/,
    ],
    [
      "conversationsByQuery: no query object",
      "paged",
      (c) => c.search.conversationsByQuery(undefined as never),
      /query must be an object/,
    ],
    [
      "conversationsByQuery: exactMatch that is not a boolean",
      "paged",
      (c) => c.search.conversationsByQuery({ query: "x", exactMatch: 1 as never }),
      /query\.exactMatch must be a boolean/,
    ],
  ];
  it.each(cases)("%s", async (...testCase) => expectRefusedBeforeSending(testCase));
});

describe("search request shape", () => {
  it("conversations posts the search as given, with pageLimit in the query, and pages by meta.next", async () => {
    server = await startLoopbackServer((request, response) => {
      const second = request.url.includes("pageKey=");
      sendJson(response, 200, {
        data: [{ id: second ? 2 : 1, highlights: {} }],
        ...(second ? {} : { meta: { next: "/v1/search/conversations/?pageKey=cGFnZT0y" } }),
      });
    });
    const search = {
      query: { value: "order 12345", exactMatch: true },
      filters: { strategy: "All", conditions: [tagCondition] },
    };
    const hits = await clientFor(server).search.conversations(search, { pageLimit: 1 }).toArray();
    expect(hits.map((h) => h.id)).toEqual([1, 2]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /beta/search/conversations?pageLimit=1",
      "POST /beta/search/conversations?pageLimit=1&pageKey=cGFnZT0y",
    ]);
    for (const request of server.requests) expect(JSON.parse(request.body)).toEqual(search);
  });

  it("conversationsByQuery sends the text as a query parameter", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    await clientFor(server)
      .search.conversationsByQuery({ query: "cancel my order", exactMatch: true })
      .toArray();
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/beta/search/conversations?query=cancel%20my%20order&exactMatch=true",
    });
  });
});
