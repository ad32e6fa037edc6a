import { afterEach, describe, expect, it } from "vitest";
import { Paginated, type AnalyticsMetricDataInput } from "../../src/index.js";
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

const valid: AnalyticsMetricDataInput = {
  id: "closed_conversations",
  csidFilter: [42],
  timezone: "Europe/Copenhagen",
};
const bad = (patch: Record<string, unknown>) => ({ ...valid, ...patch }) as never;

describe("analytics validation happens before any request", () => {
  const cases: Case[] = [
    [
      "listMetrics: a query that is not an object",
      "paged",
      (c) => c.analytics.listMetrics(null as never),
      /query must be an object/,
    ],
    [
      "getMetric: an empty metric id",
      "async",
      (c) => c.analytics.getMetric(" "),
      /metricId must be a non-empty string/,
    ],
    [
      "getMetric: a numeric metric id",
      "async",
      (c) => c.analytics.getMetric(7 as never),
      /metricId must be a non-empty string, got the number 7/,
    ],
    [
      "getMetricData: no body",
      "async",
      (c) => c.analytics.getMetricData(undefined as never),
      /input must be an object/,
    ],
    [
      "getMetricData: no metric id",
      "async",
      (c) => c.analytics.getMetricData(bad({ id: undefined })),
      /input\.id must be a non-empty string/,
    ],
    [
      "getMetricData: no timezone",
      "async",
      (c) => c.analytics.getMetricData(bad({ timezone: "" })),
      /input\.timezone must be a non-empty string/,
    ],
    [
      "getMetricData: an empty csidFilter",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: [] })),
      /input\.csidFilter must be a non-empty array/,
    ],
    [
      "getMetricData: a bad conversation id in csidFilter",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: [1, "2"] })),
      /input\.csidFilter\[1\] must be a positive safe integer/,
    ],
    [
      "getMetricData: a period that is neither preset nor interval",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: undefined, periodFilter: {} })),
      /input\.periodFilter must be a preset \(\{ value \}\) or an interval/,
    ],
    [
      "getMetricData: an interval without end",
      "async",
      (c) => c.analytics.getMetricData(bad({ periodFilter: { start: "2024-01-01T00:00:00Z" } })),
      /input\.periodFilter\.end must be a non-empty string/,
    ],
    [
      "getMetricData: a filter without attribute",
      "async",
      (c) =>
        c.analytics.getMetricData(
          bad({ filters: [{ attribute: "channel" }, { values: ["email"] }] }),
        ),
      /input\.filters\[1\]\.attribute must be a non-empty string/,
    ],
    [
      "getMetricData: aggregations that are not an array",
      "async",
      (c) => c.analytics.getMetricData(bad({ aggregations: "Count" })),
      /input\.aggregations must be an array/,
    ],
    [
      "listFilterValues: an empty filter attribute",
      "paged",
      (c) => c.analytics.listFilterValues(""),
      /filterAttribute must be a non-empty string/,
    ],
    [
      "listRecords: a query that is not an object",
      "paged",
      (c) => c.analytics.listRecords("x" as never),
      /query must be an object/,
    ],
    [
      "listRecords: a zero pageLimit",
      "paged",
      (c) => c.analytics.listRecords({ pageLimit: 0 }),
      /query\.pageLimit must be a positive integer/,
    ],
    [
      "getRecord: an empty record id",
      "async",
      (c) => c.analytics.getRecord(""),
      /recordId must be a non-empty string/,
    ],
    [
      "listRecordData: no record id",
      "paged",
      (c) => c.analytics.listRecordData(bad({ id: 3 })),
      /input\.id must be a non-empty string, got the number 3/,
    ],
    [
      "listRecordData: no timezone",
      "paged",
      (c) => c.analytics.listRecordData(bad({ timezone: undefined })),
      /input\.timezone must be a non-empty string/,
    ],
    [
      "listRecordData: a preset without a name",
      "paged",
      (c) => c.analytics.listRecordData(bad({ periodFilter: { value: "" } })),
      /input\.periodFilter\.value must be a non-empty string/,
    ],
  ];
  it.each(cases)("%s", async (...testCase) => expectRefusedBeforeSending(testCase));
});

describe("analytics request shape", () => {
  it("getMetricData sends a preset period in Dixa's tagged form and leaves the caller's object alone", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: { id: "closed_conversations", aggregates: [] } }),
    );
    const input: AnalyticsMetricDataInput = {
      id: "closed_conversations",
      periodFilter: { value: "PreviousWeek" },
      aggregations: ["Count"],
      timezone: "Europe/Copenhagen",
    };
    const copy = structuredClone(input);
    const data = await clientFor(server).analytics.getMetricData(input);
    expect(data).toEqual({ id: "closed_conversations", aggregates: [] });
    expect(input).toEqual(copy);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/analytics/metrics" });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      ...input,
      periodFilter: { _type: "Preset", value: { _type: "PreviousWeek" } },
    });
  });

  it("tags an interval, and sends an already tagged period or a csid body as given", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: { id: "m" } }),
    );
    const client = clientFor(server);
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
    server = await startLoopbackServer((request, response) => {
      const second = request.url.includes("pageKey=");
      sendJson(response, 200, {
        data: [{ primaryTimestampField: { name: "created_at", timestamp: second ? "b" : "a" } }],
        ...(second ? {} : { meta: { next: "/beta/analytics/records?pageKey=cGFnZT0y" } }),
      });
    });
    const rows = clientFor(server).analytics.listRecordData(
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
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [{ value: "EMAIL", label: "Email" }] }),
    );
    const values = await clientFor(server).analytics.listFilterValues("initial_channel").toArray();
    expect(values).toEqual([{ value: "EMAIL", label: "Email" }]);
    expect(server.requests[0]!.url).toBe("/beta/analytics/filter/initial_channel");
  });
});
