import { afterEach, describe, expect, it } from "vitest";
import type { CreateWebhookInput } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;
const id = "cb452b81-6748-40ab-af85-6559b371bc5d";
const valid: CreateWebhookInput = {
  name: "Dashboard",
  url: "https://example.org/hook",
  authorization: {},
  customHeaders: {},
};
const withFields = (fields: Record<string, unknown>) => ({ ...valid, ...fields }) as never;

describe("webhooks", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
      [
        "get: a non-UUID id",
        (c) => c.webhooks.get("hook-1"),
        /webhookSubscriptionId must be a UUID string, got a string of 6 characters/,
      ],
      [
        "delete: a missing id",
        (c) => c.webhooks.delete(undefined as never),
        /webhookSubscriptionId must be a UUID string, got undefined/,
      ],
      [
        "update: a non-UUID id",
        (c) => c.webhooks.update("x", { name: "n" }),
        /webhookSubscriptionId must be a UUID string/,
      ],
      [
        "update: changes not an object",
        (c) => c.webhooks.update(id, null as never),
        /changes must be an object, got null/,
      ],
      [
        "update: an authorization with unknown fields",
        (c) => c.webhooks.update(id, { authorization: { token: "t" } as never }),
        /changes\.authorization must be \{ username, password \} \(Basic\), \{ value \} \(token\) or \{\} \(none\)/,
      ],
      [
        "update: a filter condition without _type",
        (c) =>
          c.webhooks.update(id, {
            filters: {
              Conversation: { strategy: "All", conditions: [{ field: "QueueId", values: ["q"] }] },
            } as never,
          }),
        /changes\.filters\.Conversation\.conditions\[0\]\._type must be "IsOneOf" or "IsNotOneOf"/,
      ],
      [
        "update: a filter without conditions",
        (c) =>
          c.webhooks.update(id, { filters: { Conversation: { strategy: "All", conditions: [] } } }),
        /changes\.filters\.Conversation\.conditions must be a non-empty array/,
      ],
      [
        "update: a condition with an empty value",
        (c) =>
          c.webhooks.update(id, {
            filters: {
              Conversation: {
                strategy: "Any",
                conditions: [{ _type: "IsOneOf", field: "QueueId", values: ["a", ""] }],
              },
            },
          }),
        /changes\.filters\.Conversation\.conditions\[0\]\.values\[1\] must be a non-empty string/,
      ],
      [
        "create: not an object",
        (c) => c.webhooks.create("x" as never),
        /subscription must be an object/,
      ],
      [
        "create: no name",
        (c) => c.webhooks.create(withFields({ name: undefined })),
        /subscription\.name must be a non-empty string, got undefined/,
      ],
      [
        "create: no url",
        (c) => c.webhooks.create(withFields({ url: "" })),
        /subscription\.url must be a non-empty string/,
      ],
      [
        "create: no authorization",
        (c) => c.webhooks.create(withFields({ authorization: undefined })),
        /subscription\.authorization is required, got undefined/,
      ],
      [
        "create: Basic auth without password",
        (c) => c.webhooks.create(withFields({ authorization: { username: "u" } })),
        /subscription\.authorization\.password must be a non-empty string/,
      ],
      [
        "create: token auth with an empty value",
        (c) => c.webhooks.create(withFields({ authorization: { _type: "TokenAuth", value: "" } })),
        /subscription\.authorization\.value must be a non-empty string/,
      ],
      [
        "create: an unknown authorization _type",
        (c) => c.webhooks.create(withFields({ authorization: { _type: "OAuth" } })),
        /subscription\.authorization\._type must be one of BasicAuth, TokenAuth, NoAuth, got a string of 5 characters/,
      ],
      [
        "create: no customHeaders",
        (c) => c.webhooks.create(withFields({ customHeaders: undefined })),
        /subscription\.customHeaders must be an object, got undefined/,
      ],
      [
        "create: a customHeaders value that is not a string",
        (c) => c.webhooks.create(withFields({ customHeaders: { "X-Count": 1 } })),
        /subscription\.customHeaders\["X-Count"\] must be a string, got the number 1/,
      ],
      [
        "getDeliveryStatus: a non-UUID id",
        (c) => c.webhooks.getDeliveryStatus("1234"),
        /webhookSubscriptionId must be a UUID string/,
      ],
      [
        "listDeliveryLogs: a non-UUID id",
        (c) => c.webhooks.listDeliveryLogs("1234", "ConversationCreated"),
        /webhookSubscriptionId must be a UUID string/,
      ],
      [
        "listDeliveryLogs: an empty event",
        (c) => c.webhooks.listDeliveryLogs(id, ""),
        /event must be a non-empty string, got an empty string/,
      ],
    ];
    it.each(cases)("%s", (name, call, message) =>
      expectRefusedBeforeSending([name, "async", call, message]),
    );

    it("messages never echo secrets", async () => {
      server = await startLoopbackServer((_request, response) =>
        sendJson(response, 200, { data: {} }),
      );
      const error = await clientFor(server)
        .webhooks.create(withFields({ authorization: { username: "hunter2-user", password: 42 } }))
        .catch((e: unknown) => e);
      expect(String(error)).not.toContain("hunter2");
      expect(String(error)).toContain("subscription.authorization.password");
    });
  });

  describe("the _type tags the spec leaves out", () => {
    const echo = async () =>
      (server = await startLoopbackServer((request, response) =>
        sendJson(response, 200, { data: JSON.parse(request.body) }),
      ));

    it.each([
      [
        { username: "u", password: "p" },
        { username: "u", password: "p", _type: "BasicAuth" },
      ],
      [{ value: "t" }, { value: "t", _type: "TokenAuth" }],
      [{}, { _type: "NoAuth" }],
      [
        { _type: "TokenAuth", value: "t" },
        { _type: "TokenAuth", value: "t" },
      ],
    ])("create tags authorization %j", async (authorization, sent) => {
      await echo();
      const input = { ...valid, authorization } as CreateWebhookInput;
      const before = structuredClone(input);
      await clientFor(server!).webhooks.create(input);
      expect(JSON.parse(server!.requests[0]!.body).authorization).toEqual(sent);
      expect(input).toEqual(before); // the caller's object is left alone
    });

    it("update tags filters and keeps the conditions' own tags", async () => {
      await echo();
      await clientFor(server!).webhooks.update(id, {
        filters: {
          Conversation: {
            strategy: "All",
            conditions: [
              { _type: "IsOneOf", field: "InitialChannel", values: ["email"] },
              {
                _type: "IsNotOneOf",
                field: "QueueId",
                values: ["f0475e4c-64ae-4c8e-8644-4ed10dc8d752"],
              },
            ],
          },
        },
      });
      const request = server!.requests[0]!;
      expect(request).toMatchObject({ method: "PATCH", url: `/beta/webhooks/${id}` });
      expect(JSON.parse(request.body)).toEqual({
        filters: {
          Conversation: {
            _type: "CombinedFilters",
            strategy: "All",
            conditions: [
              { _type: "IsOneOf", field: "InitialChannel", values: ["email"] },
              {
                _type: "IsNotOneOf",
                field: "QueueId",
                values: ["f0475e4c-64ae-4c8e-8644-4ed10dc8d752"],
              },
            ],
          },
        },
      });
    });

    it("update without authorization or filters sends the changes as given", async () => {
      await echo();
      await clientFor(server!).webhooks.update(id, { enabled: false });
      expect(JSON.parse(server!.requests[0]!.body)).toEqual({ enabled: false });
    });
  });

  it("listDeliveryLogs puts the event in the path", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [] }),
    );
    expect(await clientFor(server).webhooks.listDeliveryLogs(id, "ConversationCreated")).toEqual(
      [],
    );
    expect(server.requests[0]!.url).toBe(
      `/beta/webhooks/${id}/delivery-status/logs/ConversationCreated`,
    );
  });
});
