import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;

describe("customAttributes", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
      [
        "get: an empty id",
        (c) => c.customAttributes.get(""),
        /customAttributeId must be a non-empty string, got an empty string/,
      ],
      [
        "get: a missing id",
        (c) => c.customAttributes.get(undefined as never),
        /customAttributeId must be a non-empty string, got undefined/,
      ],
    ];
    it.each(cases)("%s", (name, call, message) =>
      expectRefusedBeforeSending([name, "async", call, message]),
    );
  });

  it("get takes any non-empty id (the spec declares no uuid format) and list has no arguments to check", async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 200, { data: request.url.endsWith("attributes") ? [] : { id: "x" } }),
    );
    const client = clientFor(server);
    expect(await client.customAttributes.get("contact_reason")).toEqual({ id: "x" });
    expect(await client.customAttributes.list()).toEqual([]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/custom-attributes/contact_reason",
      "/beta/custom-attributes",
    ]);
  });
});
