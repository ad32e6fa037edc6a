/**
 * What the resource methods send and what they make of the answers, for the behaviours the
 * generated rows alone do not show (bulk splitting and indexes, `_type` tagging, uploads, paging,
 * 204 answers, envelopes): each test answers through the in-process recording fetch, so what
 * "reached the server" is what the client handed to fetch. Argument checks are in
 * argument-checks.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  DixaApiError,
  DixaMalformedResponseError,
  isDixaApiError,
  Paginated,
  type AnalyticsMetricDataInput,
  type CreateWebhookInput,
} from "../../src/index.js";
import { errorOf } from "../support/refused-before-sending.js";
import { recordingFetch, sendJson, type Recording } from "./recording-fetch.js";

let server: Recording | undefined;
type Client = ReturnType<Recording["client"]>;

describe("agents (from agents-validation.test.ts)", () => {
  const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";
  const agent = (i: number, displayName = `Agent ${i}`) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    createdAt: "2020-12-16T09:41:43Z",
    displayName,
    email: `agent.${i}@example.org`,
  });
  const presence = {
    userId: agentId,
    requestTime: "2021-12-01T12:46:35.935",
    connectionStatus: "Online",
  };
  const name = (i: number) => (i === 1 ? "bad" : `Agent ${i}`);
  const inputs = {
    create: (n: number) =>
      Array.from({ length: n }, (_, i) => ({ displayName: name(i), email: `a${i}@example.org` })),
    update: (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: agent(i).id, displayName: name(i) })),
    patch: (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: agent(i).id, displayName: name(i) })),
  };
  describe("agents: requests", () => {
    it("updateMany sends a bare array; patchMany too; createMany wraps in { data }", async () => {
      server = recordingFetch((request, response) => {
        const body = JSON.parse(request.body) as unknown;
        const items = (Array.isArray(body) ? body : (body as { data: unknown[] }).data) as Array<{
          displayName?: string;
        }>;
        sendJson(response, request.method === "POST" ? 201 : 200, {
          data: items.map((item, i) => ({
            _type: "BulkActionSuccess",
            data: agent(i, item.displayName),
          })),
        });
      });
      const client = server.client();
      const update = [{ id: agentId, displayName: "A" }];
      const patch = [{ id: agentId, firstName: "B" }];
      const create = [{ displayName: "C", email: "c@example.org" }];
      await client.agents.updateMany(update);
      await client.agents.patchMany(patch);
      const created = await client.agents.createMany(create);
      expect(created.successes[0]).toMatchObject({ index: 0, input: create[0] });
      expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
        ["PUT", "/beta/agents", update],
        ["PATCH", "/beta/agents", patch],
        ["POST", "/beta/agents/bulk", { data: create }],
      ]);
    });

    it("delete and setWorkingChannel resolve undefined on 204", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(204).end();
      });
      const client = server.client();
      await expect(client.agents.delete(agentId)).resolves.toBeUndefined();
      await expect(
        client.agents.setWorkingChannel(agentId, { channel: "Speak", working: false }),
      ).resolves.toBeUndefined();
      expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
        ["DELETE", `/beta/agents/${agentId}`, ""],
        [
          "PUT",
          `/beta/agents/${agentId}/presence/working-channel`,
          JSON.stringify({ channel: "Speak", working: false }),
        ],
      ]);
    });

    it("listPresence takes the bare list the spec documents, or a { data } envelope", async () => {
      let body: unknown = [presence];
      server = recordingFetch((_request, response) => sendJson(response, 200, body));
      const client = server.client();
      expect(await client.agents.listPresence()).toEqual([presence]);
      body = { data: [presence] };
      expect(await client.agents.listPresence()).toEqual([presence]);
      body = { presence: [presence] };
      await expect(client.agents.listPresence()).rejects.toBeInstanceOf(DixaMalformedResponseError);
    });
  });

  describe("agents: bulk chunks keep the caller's indexes", () => {
    const cases: Array<
      [
        string,
        (c: Client, n: number) => Promise<{ successes: any[]; failures: any[] }>,
        (n: number) => unknown[],
        string,
      ]
    > = [
      [
        "createMany",
        (c, n) => c.agents.createMany(inputs.create(n), { chunkSize: 3 }),
        (n) => inputs.create(n),
        "POST",
      ],
      [
        "updateMany",
        (c, n) => c.agents.updateMany(inputs.update(n), { chunkSize: 3 }),
        (n) => inputs.update(n),
        "PUT",
      ],
      [
        "patchMany",
        (c, n) => c.agents.patchMany(inputs.patch(n), { chunkSize: 3 }),
        (n) => inputs.patch(n),
        "PATCH",
      ],
    ];
    it.each(cases)(
      "%s: a chunk failing with 500 keeps the others' results",
      async (_name, call, make, method) => {
        let calls = 0;
        server = recordingFetch((request, response) => {
          calls++;
          const body = JSON.parse(request.body) as unknown;
          const items = (Array.isArray(body) ? body : (body as { data: unknown[] }).data) as Array<{
            displayName?: string;
          }>;
          if (calls === 2) return sendJson(response, 500, { message: "database unavailable" });
          sendJson(response, 200, {
            data: items.map((item, i) =>
              item.displayName === "bad"
                ? { _type: "BulkActionFailure", error: { _type: "Validation", message: "no" } }
                : { _type: "BulkActionSuccess", data: agent(i) },
            ),
          });
        });
        const expected = make(7);
        const result = await call(server.client({ retry: false }), 7);
        expect(server.requests.map((r) => r.method)).toEqual([method, method, method]);
        expect(
          server.requests.map((r) => {
            const body = JSON.parse(r.body) as unknown;
            return (Array.isArray(body) ? body : (body as { data: unknown[] }).data).length;
          }),
        ).toEqual([3, 3, 1]);
        // Item 1 is "bad": Dixa's own failure; items 3-5 were in the chunk that got a 500.
        expect(result.successes.map((s) => s.index)).toEqual([0, 2, 6]);
        expect(result.failures.map((f) => f.index)).toEqual([1, 3, 4, 5]);
        for (const outcome of [...result.successes, ...result.failures]) {
          expect(outcome.input).toEqual(expected[outcome.index]);
        }
        expect(result.failures[0]!.error).toEqual({ _type: "Validation", message: "no" });
        for (const failure of result.failures.slice(1)) {
          expect(isDixaApiError(failure.error)).toBe(true);
          expect(failure.error).toMatchObject({
            status: 500,
            serverMessage: "database unavailable",
          });
        }
      },
    );
  });

  describe("agents: validation happens before any request", () => {
    it("messages quote an id given as text, never what may be personal data or a secret", async () => {
      server = recordingFetch();
      const client = server.client();
      const id = await errorOf(() => client.agents.get("agent-1"));
      expect(String(id)).toContain('agentId must be a UUID string, got "agent-1" (a string)');
      const address = await errorOf(() => client.agents.get("secret-looking@example.org"));
      expect(String(address)).not.toContain("secret-looking");
      const password = await errorOf(() =>
        client.webhooks.create({
          name: "n",
          url: "https://example.org",
          customHeaders: {},
          authorization: { _type: "BasicAuth", username: "u", password: 42 as never },
        }),
      );
      expect(String(password)).toMatch(
        /authorization\.password must be a non-empty string, got a number$/,
      );
      const header = await errorOf(() =>
        client.webhooks.create({
          name: "n",
          url: "https://example.org",
          customHeaders: { "X-Token": true as never },
          authorization: {},
        }),
      );
      expect(String(header)).not.toContain("true");
      expect(server.requests).toHaveLength(0);
    });
  });
});

describe("analytics (from analytics-validation.test.ts)", () => {
  describe("analytics request shape", () => {
    it("getMetricData sends a preset period in Dixa's tagged form and leaves the caller's object alone", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 200, { data: { id: "closed_conversations", aggregates: [] } }),
      );
      const input: AnalyticsMetricDataInput = {
        id: "closed_conversations",
        periodFilter: { value: "PreviousWeek" },
        aggregations: ["Count"],
        timezone: "Europe/Copenhagen",
      };
      const copy = structuredClone(input);
      const data = await server.client().analytics.getMetricData(input);
      expect(data).toEqual({ id: "closed_conversations", aggregates: [] });
      expect(input).toEqual(copy);
      expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/analytics/metrics" });
      expect(JSON.parse(server.requests[0]!.body)).toEqual({
        ...input,
        periodFilter: { _type: "Preset", value: { _type: "PreviousWeek" } },
      });
    });

    it("tags an interval, and sends an already tagged period or a csid body as given", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 200, { data: { id: "m" } }),
      );
      const client = server.client();
      const interval = { start: "2024-03-01T00:00:00Z", end: "2024-03-08T00:00:00Z" };
      const tagged = { _type: "Preset", value: { _type: "Today" } };
      await client.analytics.getMetricData({ id: "m", timezone: "UTC", periodFilter: interval });
      await client.analytics.getMetricData({
        id: "m",
        timezone: "UTC",
        periodFilter: tagged as never,
      });
      await client.analytics.getMetricData({ id: "m", timezone: "UTC", csidFilter: [1, 2] });
      expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
        { id: "m", timezone: "UTC", periodFilter: { _type: "Interval", ...interval } },
        { id: "m", timezone: "UTC", periodFilter: tagged },
        { id: "m", timezone: "UTC", csidFilter: [1, 2] },
      ]);
    });

    it("listRecordData is lazy, then posts the same body for every page with the next pageKey", async () => {
      server = recordingFetch((request, response) => {
        const second = request.url.includes("pageKey=");
        sendJson(response, 200, {
          data: [{ primaryTimestampField: { name: "created_at", timestamp: second ? "b" : "a" } }],
          ...(second ? {} : { meta: { next: "/beta/analytics/records?pageKey=cGFnZT0y" } }),
        });
      });
      const rows = server
        .client()
        .analytics.listRecordData(
          { id: "closed_conversations", periodFilter: { value: "Today" }, timezone: "UTC" },
          { pageLimit: 1 },
        );
      expect(rows).toBeInstanceOf(Paginated);
      expect(server.requests).toHaveLength(0);
      const all = await rows.toArray();
      expect(all.map((r) => r.primaryTimestampField.timestamp)).toEqual(["a", "b"]);
      expect(server.requests.map((r) => [r.method, r.url])).toEqual([
        ["POST", "/beta/analytics/records?pageLimit=1"],
        ["POST", "/beta/analytics/records?pageLimit=1&pageKey=cGFnZT0y"],
      ]);
      for (const request of server.requests) {
        expect(JSON.parse(request.body)).toEqual({
          id: "closed_conversations",
          periodFilter: { _type: "Preset", value: { _type: "Today" } },
          timezone: "UTC",
        });
      }
    });

    it("listFilterValues puts the attribute in the path", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 200, { data: [{ value: "EMAIL", label: "Email" }] }),
      );
      const values = await server.client().analytics.listFilterValues("initial_channel").toArray();
      expect(values).toEqual([{ value: "EMAIL", label: "Email" }]);
      expect(server.requests[0]!.url).toBe("/beta/analytics/filter/initial_channel");
    });
  });
});

describe("anonymization (from anonymization-validation.test.ts)", () => {
  const requestId = "062f0b37-4de0-40f2-95a4-641435cb2869";

  describe("anonymization request shape", () => {
    it("request posts the entity and unwraps the request status", async () => {
      const status = {
        id: requestId,
        entityType: "ConversationAnonymizationType",
        _type: "Conversation",
        initiatedAt: "2021-12-01T12:46:36.581Z[GMT]",
        targetEntityId: "4711",
        requestedBy: "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89",
      };
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: status }));
      const entity = { entityId: "4711", _type: "Conversation", forceAnonymization: true };
      expect(await server.client().anonymization.request(entity)).toEqual(status);
      expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/anonymization" });
      expect(JSON.parse(server.requests[0]!.body)).toEqual(entity);
    });
  });
});

describe("businessHours (from business-hours-validation.test.ts)", () => {
  const scheduleId = "a0d559bf-cdf8-4088-841d-f3807b93272e";
  describe("businessHours", () => {
    it("getStatus takes a plain string id (its own spec declaration) and sends the timestamp", async () => {
      const status = {
        isOpen: false,
        timestamp: "2025-01-08T20:00:00Z",
        opensAt: "2025-01-09T08:00:00Z",
      };
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: status }));
      const result = await server.client().businessHours.getStatus("schedule-1", {
        timestamp: "2025-01-08T20:00:00Z",
      });
      expect(result).toEqual(status);
      expect(server.requests[0]!.url).toBe(
        "/beta/business-hours/schedules/schedule-1/status?timestamp=2025-01-08T20%3A00%3A00Z",
      );
    });

    it("getUpcoming sends days", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 200, {
          data: { schedule: { id: scheduleId, name: "S", timezone: "UTC" } },
        }),
      );
      await server.client().businessHours.getUpcoming(scheduleId, { days: 90 });
      expect(server.requests[0]!.url).toBe(
        `/beta/business-hours/schedules/${scheduleId}/upcoming?days=90`,
      );
    });
  });
});

describe("contactEndpoints (from contact-endpoints-validation.test.ts)", () => {
  describe("contactEndpoints", () => {
    it("get URL-encodes a phone number and unwraps { data }", async () => {
      const endpoint = { number: "+4531434343", name: "DK Sms", _type: "TelephonyEndpoint" };
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: endpoint }));
      expect(await server.client().contactEndpoints.get("+4531434343")).toEqual(endpoint);
      expect(server.requests[0]).toMatchObject({
        method: "GET",
        url: "/beta/contact-endpoints/%2B4531434343",
      });
    });

    it("list sends the _type filter", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
      expect(await server.client().contactEndpoints.list({ _type: "EmailEndpoint" })).toEqual([]);
      expect(server.requests[0]!.url).toBe("/beta/contact-endpoints?_type=EmailEndpoint");
    });
  });
});

describe("conversations (from conversations-validation.test.ts)", () => {
  const uuid = "5a556159-9c21-4f3e-a44f-d323deb80d16";
  const email = {
    requesterId: uuid,
    emailIntegrationId: "my-integration@email.dixa.io",
    subject: "order #123",
    message: { content: { value: "My order hasn't shipped", _type: "Text" }, _type: "Inbound" },
    _type: "Email",
  };
  describe("conversations validation happens before any request", () => {
    it("listOrganizationActivityLog throws at once (it is not async)", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, {}));
      const client = server.client();
      expect(() => client.conversations.listOrganizationActivityLog({ fromDatetime: "x" })).toThrow(
        TypeError,
      );
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("conversations requests", () => {
    it("create sends the body with its _type tags and unwraps the new id", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 201, { data: { id: 100 } }),
      );
      const created = await server.client().conversations.create(email);
      expect(created).toEqual({ id: 100 });
      expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/conversations" });
      expect(JSON.parse(server.requests[0]!.body)).toEqual(email);
    });

    it("the state changes answer 204 and resolve undefined", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(204);
        response.end();
      });
      const c = server.client().conversations;
      await expect(c.close(4711)).resolves.toBeUndefined();
      await expect(c.reopen(4711, { userId: uuid })).resolves.toBeUndefined();
      await expect(
        c.followUp(4711, { timestamp: "2025-01-08T08:31:25Z", userId: uuid }),
      ).resolves.toBeUndefined();
      await expect(c.transferToQueue(4711, { queueId: uuid })).resolves.toBeUndefined();
      await expect(c.claim(4711, { agentId: uuid, force: false })).resolves.toBeUndefined();
      await expect(
        c.link(4711, { parentId: 12345, linkType: "SideConversation" }),
      ).resolves.toBeUndefined();
      expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
        ["PUT", "/beta/conversations/4711/close", {}],
        ["PUT", "/beta/conversations/4711/reopen", { userId: uuid }],
        [
          "PUT",
          "/beta/conversations/4711/followup",
          { timestamp: "2025-01-08T08:31:25Z", userId: uuid },
        ],
        ["PUT", "/beta/conversations/4711/transfer/queue", { queueId: uuid }],
        ["PUT", "/beta/conversations/4711/claim", { agentId: uuid, force: false }],
        ["PUT", "/beta/conversations/4711/link", { parentId: 12345, linkType: "SideConversation" }],
      ]);
    });

    it("listOrganizationActivityLog sends the window and pages lazily", async () => {
      server = recordingFetch((request, response) => {
        const next = request.url.includes("pageKey=k2")
          ? undefined
          : "/beta/conversations/activitylog?pageKey=k2";
        sendJson(response, 200, {
          data: [{ id: request.url }],
          ...(next ? { meta: { next } } : {}),
        });
      });
      const log = server.client().conversations.listOrganizationActivityLog({
        fromDatetime: "2021-12-01T00:00:00Z",
      });
      expect(server.requests).toHaveLength(0);
      expect(await log.toArray()).toHaveLength(2);
      expect(server.requests.map((r) => r.url)).toEqual([
        "/beta/conversations/activitylog?fromDatetime=2021-12-01T00%3A00%3A00Z",
        "/beta/conversations/activitylog?fromDatetime=2021-12-01T00%3A00%3A00Z&pageKey=k2",
      ]);
    });
  });
});

describe("customAttributes (from custom-attributes-validation.test.ts)", () => {
  describe("customAttributes", () => {
    it("get takes any non-empty id (the spec declares no uuid format) and list has no arguments to check", async () => {
      server = recordingFetch((request, response) =>
        sendJson(response, 200, { data: request.url.endsWith("attributes") ? [] : { id: "x" } }),
      );
      const client = server.client();
      expect(await client.customAttributes.get("contact_reason")).toEqual({ id: "x" });
      expect(await client.customAttributes.list()).toEqual([]);
      expect(server.requests.map((r) => r.url)).toEqual([
        "/beta/custom-attributes/contact_reason",
        "/beta/custom-attributes",
      ]);
    });
  });
});

describe("endUsers (from end-users-validation.test.ts)", () => {
  const userId = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";
  const otherId = "8fe8f4c3-7bc6-4767-924a-d9afa7ac7009";
  const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const endUser = (i: number, fields: Record<string, unknown> = {}) => ({
    id: idOf(i),
    createdAt: "2020-12-16T09:41:43Z",
    ...fields,
  });
  describe("endUsers validation happens before any request", () => {
    it("paged lists throw at once (they are not async), before anything is iterated", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
      const client = server.client();
      expect(() => client.endUsers.listConversations("x")).toThrow(TypeError);
      expect(() => client.endUsers.list({ phone: "1", externalId: "2" })).toThrow(TypeError);
      expect(server.requests).toHaveLength(0);
    });

    it("messages describe a bad value without echoing it", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, {}));
      const error = await errorOf(() => server!.client().endUsers.get("alice@example.org"));
      expect((error as Error).message).toBe(
        "userId must be a UUID string, got a string of 17 characters; pass 32 hexadecimal digits as 8-4-4-4-12",
      );
    });
  });

  describe("endUsers requests", () => {
    it("list sends the filter and pages with meta.next", async () => {
      server = recordingFetch((request, response) => {
        const url = new URL(request.url, "http://x");
        if (url.searchParams.get("pageKey") === "p2") {
          return sendJson(response, 200, { data: [endUser(2)] });
        }
        sendJson(response, 200, {
          data: [endUser(1)],
          meta: { next: "/beta/endusers?pageKey=p2&externalId=%2312" },
        });
      });
      const list = server.client().endUsers.list({ externalId: "#12", pageLimit: 1 });
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
      server = recordingFetch((_request, response) => sendJson(response, 202, { data: queued }));
      const result = await server.client().endUsers.anonymize(userId, { force: true });
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
      return recordingFetch((request, response) => {
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
        const result = await run(server.client(), items);
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
        const result = await run(server.client({ retry: false }), items, 3);
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
          expect(failure.error).toMatchObject({
            status: 500,
            serverMessage: "database unavailable",
          });
        }
      },
    );

    it("updateMany keeps the caller's own objects as inputs", async () => {
      server = await bulkServer();
      const items = [
        { id: idOf(1), displayName: "a" },
        { id: idOf(2), displayName: "b" },
      ];
      const result = await server.client().endUsers.updateMany(items);
      expect(result.successes[0]!.input).toBe(items[0]);
      expect(result.successes[1]!.input).toBe(items[1]);
    });
  });
});

describe("knowledge (from knowledge-validation.test.ts)", () => {
  const articleId = "123e4567-e89b-12d3-a456-426614174000";
  const otherId = "78dfb531-2e1e-4ffc-bd18-fdad68cd2419";
  describe("knowledge", () => {
    describe("validation happens before any request", () => {
      it("listCollections throws at call time, before anything is sent", async () => {
        server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
        expect(() => server!.client().knowledge.listCollections({ pageLimit: -1 })).toThrow(
          /query\.pageLimit must be a positive integer/,
        );
        expect(server.requests).toHaveLength(0);
      });
    });

    it("updateArticleTranslations returns partialErrors alongside data", async () => {
      const answer = {
        data: [],
        partialErrors: [{ languageId: "xx", message: "Unsupported language" }],
      };
      server = recordingFetch((_request, response) => sendJson(response, 200, answer));
      const changes = { translations: [{ languageId: "xx", title: "T" }] };
      expect(await server.client().knowledge.updateArticleTranslations(articleId, changes)).toEqual(
        answer,
      );
      expect(server.requests[0]).toMatchObject({
        method: "PATCH",
        url: `/beta/knowledge/articles/${articleId}/translations`,
      });
      expect(JSON.parse(server.requests[0]!.body)).toEqual(changes);
    });

    it("an empty 200 answer where a body is promised is a DixaMalformedResponseError", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(200);
        response.end();
      });
      await expect(
        server.client().knowledge.updateArticleTranslations(articleId, { translations: [] }),
      ).rejects.toMatchObject({ name: "DixaMalformedResponseError" });
    });

    it("the 204 operations send no body and resolve undefined", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(204);
        response.end();
      });
      const k = server.client().knowledge;
      await expect(k.publishArticle(articleId)).resolves.toBeUndefined();
      await expect(k.moveArticle(articleId, otherId)).resolves.toBeUndefined();
      await expect(k.deleteTranslation(articleId, "pt-BR")).resolves.toBeUndefined();
      expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
        ["POST", `/beta/knowledge/articles/${articleId}/publish`, ""],
        ["PATCH", `/beta/knowledge/articles/${articleId}/parent/${otherId}`, ""],
        ["DELETE", `/beta/knowledge/articles/${articleId}/translations/pt-BR`, ""],
      ]);
    });
  });
});

describe("messages (from messages-validation.test.ts)", () => {
  const agentId = "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89";
  const messageId = "1b9adc49-62f7-4056-a9c0-c18c1f25afdb";
  describe("messages validation happens before any request", () => {
    it("the content itself is never echoed in an error", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, {}));
      const error = await errorOf(() =>
        server!.client().messages.create(1, {
          content: "my card number is 4111 1111 1111 1111" as never,
        }),
      );
      expect((error as Error).message).toBe(
        "message.content must be an object, got a string of 37 characters",
      );
    });
  });

  describe("messages requests", () => {
    it("create sends inbound, outbound and attachment-only messages as given", async () => {
      server = recordingFetch((request, response) =>
        sendJson(response, 200, {
          data: {
            direction: "Outbound",
            authorId: agentId,
            messageId,
            ...JSON.parse(request.body),
          },
        }),
      );
      const c = server.client().messages;
      const inbound = { content: { value: "I need help", _type: "Html" }, _type: "Inbound" };
      const outbound = { content: { value: "On it", _type: "Text" }, agentId, _type: "Outbound" };
      const attachmentOnly = { agentId, attachments: [{ url: "https://files.example/x.jpg" }] };
      for (const message of [inbound, outbound, attachmentOnly]) {
        const created = await c.create(4711, message);
        expect(created.messageId).toBe(messageId);
      }
      expect(server.requests.map((r) => [r.method, r.url])).toEqual(
        Array(3).fill(["POST", "/beta/conversations/4711/messages"]),
      );
      expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
        inbound,
        outbound,
        attachmentOnly,
      ]);
    });

    it("anonymize puts both ids in the path", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 202, { data: { id: messageId } }),
      );
      await server.client().messages.anonymize(4711, messageId);
      expect(server.requests[0]).toMatchObject({
        method: "PATCH",
        url: `/beta/conversations/4711/messages/${messageId}/anonymize`,
      });
    });
  });
});

describe("organization (from organization-validation.test.ts)", () => {
  const organization = {
    id: "e9609fa9-efff-4fdc-a7ef-dd335f33c5f6",
    name: "Example Organization",
    subdomain: "example-org",
    status: "Active",
  };
  describe("organization", () => {
    it("get sends a bare GET and unwraps { data }", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 200, { data: organization }),
      );
      expect(await server.client().organization.get()).toEqual(organization);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({
        method: "GET",
        url: "/beta/organization",
        body: "",
      });
    });

    it("get rejects (never throws) with a DixaApiError on 404", async () => {
      server = recordingFetch((_request, response) =>
        sendJson(response, 404, { message: "The requested resource could not be found" }),
      );
      const error = await server
        .client()
        .organization.get()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DixaApiError);
      expect(error).toMatchObject({ status: 404, pathTemplate: "/beta/organization" });
    });

    it("get refuses a body without the { data } envelope", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, organization));
      await expect(server.client().organization.get()).rejects.toThrow(/\{ data \}/);
    });
  });
});

describe("queues (from queues-validation.test.ts)", () => {
  const queueId = "0bf82493-ae46-4c49-aa29-0422136269be";
  const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  describe("queues: requests", () => {
    it("addMembers sends { agentIds } and pairs each outcome with its agent id", async () => {
      server = recordingFetch((request, response) => {
        const { agentIds } = JSON.parse(request.body) as { agentIds: string[] };
        sendJson(response, 200, {
          data: agentIds.map((id, i) =>
            i === 1
              ? {
                  _type: "BulkActionFailure",
                  error: { _type: "NotFound", id, message: "User not found" },
                }
              : { _type: "BulkActionSuccess", data: id },
          ),
        });
      });
      const agentIds = [uuid(0), uuid(1), uuid(2)];
      const result = await server.client().queues.addMembers(queueId, { agentIds });
      expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
        ["PATCH", `/beta/queues/${queueId}/members`, { agentIds }],
      ]);
      expect(result.successes).toEqual([
        { index: 0, input: agentIds[0], data: agentIds[0] },
        { index: 2, input: agentIds[2], data: agentIds[2] },
      ]);
      expect(result.failures).toEqual([
        {
          reason: "rejected",
          index: 1,
          input: agentIds[1],
          error: { _type: "NotFound", id: agentIds[1], message: "User not found" },
        },
      ]);
    });

    it("addMembers with chunks keeps caller indexes and turns a failed chunk into failures", async () => {
      let calls = 0;
      server = recordingFetch((request, response) => {
        calls++;
        const { agentIds } = JSON.parse(request.body) as { agentIds: string[] };
        if (calls === 2) return sendJson(response, 500, { message: "database unavailable" });
        sendJson(response, 200, { data: agentIds.map((id) => ({ data: id })) });
      });
      const agentIds = Array.from({ length: 7 }, (_, i) => uuid(i));
      const result = await server
        .client({ retry: false })
        .queues.addMembers(queueId, { agentIds }, { chunkSize: 3 });
      expect(server.requests.map((r) => JSON.parse(r.body).agentIds as string[])).toEqual([
        agentIds.slice(0, 3),
        agentIds.slice(3, 6),
        agentIds.slice(6),
      ]);
      expect(result.successes.map((s) => [s.index, s.input, s.data])).toEqual(
        [0, 1, 2, 6].map((i) => [i, agentIds[i], agentIds[i]]),
      );
      expect(result.failures.map((f) => [f.index, f.input])).toEqual(
        [3, 4, 5].map((i) => [i, agentIds[i]]),
      );
      for (const failure of result.failures) {
        expect(isDixaApiError(failure.error)).toBe(true);
        expect(failure.error).toMatchObject({ status: 500, serverMessage: "database unavailable" });
      }
    });

    it("removeMembers resolves undefined on 204; getConversationPosition uses the csid", async () => {
      server = recordingFetch((request, response) => {
        if (request.method === "DELETE") return void response.writeHead(204).end();
        sendJson(response, 200, { data: { position: 3, queuedAt: "2021-12-01T13:00:00.003Z" } });
      });
      const client = server.client();
      await expect(
        client.queues.removeMembers(queueId, { agentIds: [uuid(1)] }),
      ).resolves.toBeUndefined();
      expect(await client.queues.getConversationPosition(4711)).toEqual({
        position: 3,
        queuedAt: "2021-12-01T13:00:00.003Z",
      });
      expect(server.requests.map((r) => [r.method, r.url])).toEqual([
        ["DELETE", `/beta/queues/${queueId}/members`],
        ["GET", "/beta/queues/conversation-position/4711"],
      ]);
    });
  });
});

describe("ratings (from ratings-validation.test.ts)", () => {
  const ratingId = "2f0122db-0824-44d7-b39a-e1f722b8c38c";
  const rating = { ratingResult: { value: 4, _type: "Csat" }, comment: "Great" };

  describe("ratings request shape", () => {
    it("submit sends the tagged result to the offer's path and unwraps { data }", async () => {
      const answer = { ratingId, ...rating };
      server = recordingFetch((_request, response) => sendJson(response, 201, { data: answer }));
      expect(await server.client().ratings.submit(42, ratingId, rating)).toEqual(answer);
      expect(server.requests[0]).toMatchObject({
        method: "POST",
        url: `/beta/conversations/42/ratings/${ratingId}/submit`,
      });
      expect(JSON.parse(server.requests[0]!.body)).toEqual(rating);
    });

    it("list and listLegacy read their own paths", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
      const client = server.client();
      expect(await client.ratings.list(42)).toEqual([]);
      expect(await client.ratings.listLegacy(42)).toEqual([]);
      expect(server.requests.map((r) => r.url)).toEqual([
        "/beta/conversations/42/ratings",
        "/beta/conversations/42/rating",
      ]);
    });
  });
});

describe("search (from search-validation.test.ts)", () => {
  const tagCondition = {
    field: {
      _type: "TagId",
      operator: { _type: "IncludesOne", values: ["177e7564-6434-4177-a25a-8530089196ad"] },
    },
  };

  describe("search request shape", () => {
    it("conversations posts the search as given, with pageLimit in the query, and pages by meta.next", async () => {
      server = recordingFetch((request, response) => {
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
      const hits = await server.client().search.conversations(search, { pageLimit: 1 }).toArray();
      expect(hits.map((h) => h.id)).toEqual([1, 2]);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "POST /beta/search/conversations?pageLimit=1",
        "POST /beta/search/conversations?pageLimit=1&pageKey=cGFnZT0y",
      ]);
      for (const request of server.requests) expect(JSON.parse(request.body)).toEqual(search);
    });

    it("conversationsByQuery sends the text as a query parameter", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
      await server
        .client()
        .search.conversationsByQuery({ query: "cancel my order", exactMatch: true })
        .toArray();
      expect(server.requests[0]).toMatchObject({
        method: "GET",
        url: "/beta/search/conversations?query=cancel%20my%20order&exactMatch=true",
      });
    });
  });
});

describe("tags (from tags-validation.test.ts)", () => {
  const tagId = "b794a74a-625b-4303-8237-9b11668a9605";
  const tag = { id: tagId, name: "vip", state: "Active" };

  describe("tags request shape", () => {
    it("list passes includeDeactivated as a query parameter and unwraps { data }", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [tag] }));
      expect(await server.client().tags.list({ includeDeactivated: true })).toEqual([tag]);
      expect(server.requests[0]).toMatchObject({
        method: "GET",
        url: "/beta/tags?includeDeactivated=true",
      });
    });

    it("tagConversationByNames wraps the names in { data } and resolves undefined on 202", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(202);
        response.end();
      });
      const tags = [{ name: "Example #1" }, { name: "Example #2" }];
      await expect(server.client().tags.tagConversationByNames(42, tags)).resolves.toBeUndefined();
      expect(server.requests[0]).toMatchObject({
        method: "POST",
        url: "/beta/conversations/42/tags/bulk",
      });
      expect(JSON.parse(server.requests[0]!.body)).toEqual({ data: tags });
    });

    it("tag, untag, delete, activate and deactivate use their verbs and resolve undefined on 204", async () => {
      server = recordingFetch((_request, response) => {
        response.writeHead(204);
        response.end();
      });
      const client = server.client();
      await expect(client.tags.tagConversation(42, tagId)).resolves.toBeUndefined();
      await expect(client.tags.untagConversation(42, tagId)).resolves.toBeUndefined();
      await expect(client.tags.delete(tagId)).resolves.toBeUndefined();
      await expect(client.tags.deactivate(tagId)).resolves.toBeUndefined();
      await expect(client.tags.activate(tagId)).resolves.toBeUndefined();
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        `PUT /beta/conversations/42/tags/${tagId}`,
        `DELETE /beta/conversations/42/tags/${tagId}`,
        `DELETE /beta/tags/${tagId}`,
        `PATCH /beta/tags/${tagId}/deactivate`,
        `PATCH /beta/tags/${tagId}/activate`,
      ]);
    });
  });
});

describe("teams (from teams-validation.test.ts)", () => {
  const teamId = "005e7108-c85c-41d1-a945-4a8dc58c4399";
  const agentIds = ["912d5148-6918-4420-b23a-8584b896c8ae", "a8080cf3-9d55-41dd-a8ef-b02414399e7a"];
  const presence = (userId: string) => ({
    userId,
    requestTime: "2021-12-01T12:46:35.935",
    connectionStatus: "Online",
  });
  describe("teams: requests", () => {
    it("addMembers resolves undefined on Dixa's bodiless 200; removeMembers on 204", async () => {
      server = recordingFetch((request, response) => {
        response.writeHead(request.method === "PATCH" ? 200 : 204).end();
      });
      const client = server.client();
      await expect(client.teams.addMembers(teamId, { agentIds })).resolves.toBeUndefined();
      await expect(client.teams.removeMembers(teamId, { agentIds })).resolves.toBeUndefined();
      expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
        ["PATCH", `/beta/teams/${teamId}/agents`, { agentIds }],
        ["DELETE", `/beta/teams/${teamId}/agents`, { agentIds }],
      ]);
    });

    it("listPresence follows meta.next and sends nothing before iteration", async () => {
      server = recordingFetch((request, response) => {
        const url = new URL(request.url, "http://x");
        if (url.searchParams.get("pageKey") === null) {
          return sendJson(response, 200, {
            data: [presence(agentIds[0]!)],
            meta: { next: `/beta/teams/${teamId}/presence?pageKey=p2&pageLimit=1` },
          });
        }
        sendJson(response, 200, { data: [presence(agentIds[1]!)] });
      });
      const list = server.client().teams.listPresence(teamId, { pageLimit: 1 });
      expect(server.requests).toHaveLength(0);
      expect((await list.toArray()).map((p) => p.userId)).toEqual(agentIds);
      expect(server.requests.map((r) => r.url)).toEqual([
        `/beta/teams/${teamId}/presence?pageLimit=1`,
        `/beta/teams/${teamId}/presence?pageLimit=1&pageKey=p2`,
      ]);
    });
  });
});

describe("templates (from templates-validation.test.ts)", () => {
  describe("templates", () => {
    it("list sends nothing until iterated, then follows meta.next", async () => {
      const template = (id: string) => ({
        id,
        name: id,
        content: "",
        createdBy: "a",
        createdAt: "b",
      });
      server = recordingFetch((request, response) => {
        const url = new URL(request.url, "http://x");
        if (url.searchParams.get("pageKey") === "p2")
          return sendJson(response, 200, { data: [template("2")] });
        sendJson(response, 200, {
          data: [template("1")],
          meta: { next: "/beta/templates?pageKey=p2&type=QuickResponse" },
        });
      });
      const list = server.client().templates.list({ type: "QuickResponse", pageLimit: 1 });
      expect(server.requests).toHaveLength(0);
      expect((await list.toArray()).map((t) => t.id)).toEqual(["1", "2"]);
      expect(server.requests.map((r) => r.url)).toEqual([
        "/beta/templates?type=QuickResponse&pageLimit=1",
        "/beta/templates?type=QuickResponse&pageLimit=1&pageKey=p2",
      ]);
    });
  });
});

describe("webhooks (from webhooks-validation.test.ts)", () => {
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
      it("messages never echo secrets", async () => {
        server = recordingFetch((_request, response) => sendJson(response, 200, { data: {} }));
        const error = await server
          .client()
          .webhooks.create(
            withFields({ authorization: { username: "hunter2-user", password: 42 } }),
          )
          .catch((e: unknown) => e);
        expect(String(error)).not.toContain("hunter2");
        expect(String(error)).toContain("subscription.authorization.password");
      });
    });

    describe("the _type tags the spec leaves out", () => {
      const echo = async () =>
        (server = recordingFetch((request, response) =>
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
        await server!.client().webhooks.create(input);
        expect(JSON.parse(server!.requests[0]!.body).authorization).toEqual(sent);
        expect(input).toEqual(before); // the caller's object is left alone
      });

      it("update tags filters and keeps the conditions' own tags", async () => {
        await echo();
        await server!.client().webhooks.update(id, {
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
        await server!.client().webhooks.update(id, { enabled: false });
        expect(JSON.parse(server!.requests[0]!.body)).toEqual({ enabled: false });
      });
    });

    it("listDeliveryLogs puts the event in the path", async () => {
      server = recordingFetch((_request, response) => sendJson(response, 200, { data: [] }));
      expect(await server.client().webhooks.listDeliveryLogs(id, "ConversationCreated")).toEqual(
        [],
      );
      expect(server.requests[0]!.url).toBe(
        `/beta/webhooks/${id}/delivery-status/logs/ConversationCreated`,
      );
    });
  });
});
