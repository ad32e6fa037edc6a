import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;

describe("templates", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => unknown, RegExp]> = [
      [
        "delete: a non-UUID id",
        (c) => c.templates.delete("30-days"),
        /templateId must be a UUID string, got a string of 7 characters/,
      ],
      [
        "delete: a missing id",
        (c) => c.templates.delete(undefined as never),
        /templateId must be a UUID string, got undefined/,
      ],
      [
        "list: a zero pageLimit",
        async (c) => c.templates.list({ pageLimit: 0 }),
        /query\.pageLimit must be a positive integer/,
      ],
      [
        "list: a query that is not an object",
        async (c) => c.templates.list([] as never),
        /query must be an object/,
      ],
    ];
    it.each(cases)("%s", async (_name, call, message) => {
      server = await startLoopbackServer((_request, response) =>
        sendJson(response, 200, { data: [] }),
      );
      const client = clientFor(server);
      await expect(Promise.resolve().then(() => call(client))).rejects.toThrow(TypeError);
      await expect(Promise.resolve().then(() => call(client))).rejects.toThrow(message);
      expect(server.requests).toHaveLength(0);
    });
  });

  it("list sends nothing until iterated, then follows meta.next", async () => {
    const template = (id: string) => ({
      id,
      name: id,
      content: "",
      createdBy: "a",
      createdAt: "b",
    });
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url, "http://x");
      if (url.searchParams.get("pageKey") === "p2")
        return sendJson(response, 200, { data: [template("2")] });
      sendJson(response, 200, {
        data: [template("1")],
        meta: { next: "/beta/templates?pageKey=p2&type=QuickResponse" },
      });
    });
    const list = clientFor(server).templates.list({ type: "QuickResponse", pageLimit: 1 });
    expect(server.requests).toHaveLength(0);
    expect((await list.toArray()).map((t) => t.id)).toEqual(["1", "2"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/templates?type=QuickResponse&pageLimit=1",
      "/beta/templates?type=QuickResponse&pageLimit=1&pageKey=p2",
    ]);
  });
});
