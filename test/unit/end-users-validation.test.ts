import { afterEach, describe, expect, it } from "vitest";
import { isDixaApiError } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { type TestClient as Client, errorOf } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const userId = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";
const otherId = "8fe8f4c3-7bc6-4767-924a-d9afa7ac7009";
const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const endUser = (i: number, fields: Record<string, unknown> = {}) => ({
  id: idOf(i),
  createdAt: "2020-12-16T09:41:43Z",
  ...fields,
});

/** What a call did: the error it threw or rejected with, or undefined. */

describe("endUsers validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => unknown, RegExp]> = [
    // list
    [
      "list with two exclusive filters",
      (c) => c.endUsers.list({ email: "a@example.org", phone: "+4511111111" }),
      /query may set only one of email, phone, externalId; got email and phone/,
    ],
    ["list with a query that is not an object", (c) => c.endUsers.list(null as never), /query/],
    // get
    ["get with a non-UUID id", (c) => c.endUsers.get("42"), /userId must be a UUID string/],
    ["get with a number id", (c) => c.endUsers.get(42 as never), /userId must be a UUID/],
    // create
    ["create without a body", (c) => c.endUsers.create(undefined as never), /endUser must be/],
    ["create with an array", (c) => c.endUsers.create([] as never), /endUser must be an object/],
    // createMany
    ["createMany with none", (c) => c.endUsers.createMany([]), /endUsers must be a non-empty/],
    [
      "createMany with one item that is not an object",
      (c) => c.endUsers.createMany([{ displayName: "a" }, "b" as never]),
      /endUsers\[1\] must be an object/,
    ],
    [
      "createMany with a zero chunk size",
      (c) => c.endUsers.createMany([{ displayName: "a" }], { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    // update
    [
      "update with a bad id",
      (c) => c.endUsers.update("not-a-uuid", { displayName: "A" }),
      /userId must be a UUID/,
    ],
    [
      "update without the required displayName",
      (c) => c.endUsers.update(userId, { email: "a@example.org" } as never),
      /endUser\.displayName must be a non-empty string, got undefined/,
    ],
    // updateMany
    [
      "updateMany with a bad id in one item",
      (c) =>
        c.endUsers.updateMany([
          { id: userId, displayName: "A" },
          { id: "nope", displayName: "B" },
        ]),
      /endUsers\[1\]\.id must be a UUID string/,
    ],
    [
      "updateMany with an item missing displayName",
      (c) => c.endUsers.updateMany([{ id: userId } as never]),
      /endUsers\[0\]\.displayName must be a non-empty string/,
    ],
    ["updateMany with none", (c) => c.endUsers.updateMany([]), /endUsers must be a non-empty/],
    // patch
    ["patch with a bad id", (c) => c.endUsers.patch("", {}), /userId must be a UUID string/],
    ["patch with a string body", (c) => c.endUsers.patch(userId, "x" as never), /patch must be/],
    // patchMany
    [
      "patchMany with an item missing its id",
      (c) => c.endUsers.patchMany([{ id: userId }, { displayName: "B" } as never]),
      /patches\[1\]\.id must be a UUID string, got undefined/,
    ],
    ["patchMany with none", (c) => c.endUsers.patchMany([]), /patches must be a non-empty/],
    // anonymize
    ["anonymize with a bad id", (c) => c.endUsers.anonymize("x"), /userId must be a UUID/],
    [
      "anonymize with a string force",
      (c) => c.endUsers.anonymize(userId, { force: "yes" as never }),
      /query\.force must be a boolean/,
    ],
    // updateCustomAttributes
    [
      "updateCustomAttributes with a bad id",
      (c) => c.endUsers.updateCustomAttributes("x", { [otherId]: "v" }),
      /userId must be a UUID/,
    ],
    [
      "updateCustomAttributes with nothing to set",
      (c) => c.endUsers.updateCustomAttributes(userId, {}),
      /attributes must set at least one custom attribute/,
    ],
    [
      "updateCustomAttributes keyed by a name, not an id",
      (c) => c.endUsers.updateCustomAttributes(userId, { [otherId]: "v", my_attribute: "v" }),
      /attributes key #1 must be a UUID string/,
    ],
    [
      "updateCustomAttributes with a number value",
      (c) => c.endUsers.updateCustomAttributes(userId, { [otherId]: 5 as never }),
      /attributes\["8fe8f4c3-7bc6-4767-924a-d9afa7ac7009"\] must be a string or an array of strings/,
    ],
    // listConversations
    [
      "listConversations with a bad id",
      (c) => c.endUsers.listConversations("x"),
      /userId must be a UUID string/,
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

  it("paged lists throw at once (they are not async), before anything is iterated", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    const client = clientFor(server);
    expect(() => client.endUsers.listConversations("x")).toThrow(TypeError);
    expect(() => client.endUsers.list({ phone: "1", externalId: "2" })).toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("messages describe a bad value without echoing it", async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const error = await errorOf(() => clientFor(server!).endUsers.get("alice@example.org"));
    expect((error as Error).message).toBe(
      "userId must be a UUID string, got a string of 17 characters",
    );
  });
});

describe("endUsers requests", () => {
  it("list sends the filter and pages with meta.next", async () => {
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url, "http://x");
      if (url.searchParams.get("pageKey") === "p2") {
        return sendJson(response, 200, { data: [endUser(2)] });
      }
      sendJson(response, 200, {
        data: [endUser(1)],
        meta: { next: "/beta/endusers?pageKey=p2&externalId=%2312" },
      });
    });
    const list = clientFor(server).endUsers.list({ externalId: "#12", pageLimit: 1 });
    expect(server.requests).toHaveLength(0);
    expect((await list.toArray()).map((u) => u.id)).toEqual([idOf(1), idOf(2)]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/endusers?externalId=%2312&pageLimit=1",
      "/beta/endusers?externalId=%2312&pageLimit=1&pageKey=p2",
    ]);
  });

  it("anonymize sends force as a query parameter and returns the queued request", async () => {
    const queued = {
      id: otherId,
      entityType: "UserAnonymizationType",
      _type: "User",
      initiatedAt: "2021-12-01T12:46:36.581Z[GMT]",
      targetEntityId: userId,
      requestedBy: otherId,
    };
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 202, { data: queued }),
    );
    const result = await clientFor(server).endUsers.anonymize(userId, { force: true });
    expect(result).toEqual(queued);
    expect(server.requests[0]).toMatchObject({
      method: "PATCH",
      url: `/beta/endusers/${userId}/anonymize?force=true`,
    });
  });
});

describe("endUsers bulk methods", () => {
  /**
   * Answers one outcome per item; items whose displayName starts with "bad" fail, and a request
   * carrying an item named `failChunkOf` fails as a whole (every attempt, so a retried PUT too).
   */
  function bulkServer(failChunkOf?: string) {
    return startLoopbackServer((request, response) => {
      const { data } = JSON.parse(request.body) as {
        data: Array<{ id?: string; displayName?: string }>;
      };
      if (data.some((item) => item.displayName === failChunkOf)) {
        return sendJson(response, 500, { message: "database unavailable" });
      }
      sendJson(response, request.method === "POST" ? 201 : 200, {
        data: data.map((input, i) =>
          input.displayName?.startsWith("bad")
            ? {
                _type: "BulkActionFailure",
                error: { _type: "Validation", message: `rejected item ${i}` },
              }
            : { _type: "BulkActionSuccess", data: endUser(i, input) },
        ),
      });
    });
  }

  const methods = [
    {
      name: "createMany",
      method: "POST",
      url: "/beta/endusers/bulk",
      run: (c: Client, items: Array<{ id: string; displayName: string }>, chunkSize?: number) =>
        c.endUsers.createMany(
          items.map(({ displayName }) => ({ displayName })),
          { chunkSize },
        ),
    },
    {
      name: "updateMany",
      method: "PUT",
      url: "/beta/endusers",
      run: (c: Client, items: Array<{ id: string; displayName: string }>, chunkSize?: number) =>
        c.endUsers.updateMany(items, { chunkSize }),
    },
    {
      name: "patchMany",
      method: "PATCH",
      url: "/beta/endusers",
      run: (c: Client, items: Array<{ id: string; displayName: string }>, chunkSize?: number) =>
        c.endUsers.patchMany(items, { chunkSize }),
    },
  ];

  it.each(methods)(
    "$name wraps the items in { data } and splits outcomes by position",
    async ({ method, url, run }) => {
      server = await bulkServer();
      const items = [
        { id: idOf(10), displayName: "ok 0" },
        { id: idOf(11), displayName: "bad 1" },
        { id: idOf(12), displayName: "ok 2" },
      ];
      const result = await run(clientFor(server), items);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({ method, url });
      expect(JSON.parse(server.requests[0]!.body).data).toHaveLength(3);
      expect(result.successes.map((s) => [s.index, s.data.displayName])).toEqual([
        [0, "ok 0"],
        [2, "ok 2"],
      ]);
      expect(result.failures).toEqual([
        {
          reason: "rejected",
          index: 1,
          input: expect.objectContaining({ displayName: "bad 1" }),
          error: { _type: "Validation", message: "rejected item 1" },
        },
      ]);
    },
  );

  it.each(methods)(
    "$name in chunks keeps the caller's indexes and turns a failed chunk into failures",
    async ({ run }) => {
      server = await bulkServer("u 4");
      const items = Array.from({ length: 7 }, (_, i) => ({ id: idOf(i), displayName: `u ${i}` }));
      // No retries: a PUT chunk answered 500 would otherwise be sent again (it is idempotent).
      const result = await run(clientFor(server, { retry: false }), items, 3);
      expect(server.requests.map((r) => JSON.parse(r.body).data.length)).toEqual([3, 3, 1]);
      expect(result.successes.map((s) => s.index)).toEqual([0, 1, 2, 6]);
      expect(result.successes.map((s) => s.input.displayName)).toEqual([
        "u 0",
        "u 1",
        "u 2",
        "u 6",
      ]);
      expect(result.failures.map((f) => f.index)).toEqual([3, 4, 5]);
      for (const failure of result.failures) {
        expect(failure.input.displayName).toBe(`u ${failure.index}`);
        expect(isDixaApiError(failure.error)).toBe(true);
        expect(failure.error).toMatchObject({ status: 500, serverMessage: "database unavailable" });
      }
    },
  );

  it("updateMany keeps the caller's own objects as inputs", async () => {
    server = await bulkServer();
    const items = [
      { id: idOf(1), displayName: "a" },
      { id: idOf(2), displayName: "b" },
    ];
    const result = await clientFor(server).endUsers.updateMany(items);
    expect(result.successes[0]!.input).toBe(items[0]);
    expect(result.successes[1]!.input).toBe(items[1]);
  });
});
