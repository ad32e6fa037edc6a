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

describe("contactEndpoints", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
      [
        "get: an empty id",
        (c) => c.contactEndpoints.get(" "),
        /contactEndpointId must be a non-empty string, got an empty string/,
      ],
      [
        "get: a number id",
        (c) => c.contactEndpoints.get(4531434343 as never),
        /contactEndpointId must be a non-empty string, got the number/,
      ],
      [
        "list: a query that is not an object",
        (c) => c.contactEndpoints.list("EmailEndpoint" as never),
        /query must be an object/,
      ],
      [
        "list: a _type that is not a string",
        (c) => c.contactEndpoints.list({ _type: 1 as never }),
        /query\._type must be a string/,
      ],
    ];
    it.each(cases)("%s", (name, call, message) =>
      expectRefusedBeforeSending([name, "async", call, message]),
    );
  });

  it("get URL-encodes a phone number and unwraps { data }", async () => {
    const endpoint = { number: "+4531434343", name: "DK Sms", _type: "TelephonyEndpoint" };
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: endpoint }),
    );
    expect(await clientFor(server).contactEndpoints.get("+4531434343")).toEqual(endpoint);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/beta/contact-endpoints/%2B4531434343",
    });
  });

  it("list sends the _type filter", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    expect(await clientFor(server).contactEndpoints.list({ _type: "EmailEndpoint" })).toEqual([]);
    expect(server.requests[0]!.url).toBe("/beta/contact-endpoints?_type=EmailEndpoint");
  });
});
