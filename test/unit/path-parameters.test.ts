/**
 * A path parameter of "..", "." or "" must never reach the URL: percent-encoding leaves dots
 * alone and URL parsing collapses dot segments, so it would call another endpoint (issue 11.1).
 * Checked where every request is built, for the facade and `client.raw` alike.
 */
import { describe, expect, it } from "vitest";
import { expectRefusedBeforeSending, type RefusalCase } from "../support/refused-before-sending.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

const articleId = "6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11";
const subscriptionId = "0c2f4c52-8e44-4b0c-bb8a-3f1a0f3b5a77";

/** Every facade method whose operation takes a plain-string path parameter. */
const stringParameterCalls: Array<
  [string, string, (c: RefusalClient, v: string) => unknown, ("async" | "paged")?]
> = [
  ["analytics.getMetric", "metricId", (c, v) => c.analytics.getMetric(v)],
  ["analytics.getRecord", "recordId", (c, v) => c.analytics.getRecord(v)],
  [
    "analytics.listFilterValues",
    "filterAttribute",
    (c, v) => c.analytics.listFilterValues(v),
    "paged",
  ],
  [
    "ratings.submit",
    "ratingId",
    (c, v) => c.ratings.submit(1, v, { ratingResult: { value: 4, _type: "Csat" } }),
  ],
  ["contactEndpoints.get", "contactEndpointId", (c, v) => c.contactEndpoints.get(v)],
  ["customAttributes.get", "customAttributeId", (c, v) => c.customAttributes.get(v)],
  [
    "webhooks.listDeliveryLogs",
    "event",
    (c, v) => c.webhooks.listDeliveryLogs(subscriptionId, v as never),
  ],
  ["businessHours.getStatus", "scheduleId", (c, v) => c.businessHours.getStatus(v)],
  [
    "knowledge.publishTranslation",
    "languageId",
    (c, v) => c.knowledge.publishTranslation(articleId, v),
  ],
  [
    "knowledge.unpublishTranslation",
    "languageId",
    (c, v) => c.knowledge.unpublishTranslation(articleId, v),
  ],
  [
    "knowledge.deleteTranslation",
    "languageId",
    (c, v) => c.knowledge.deleteTranslation(articleId, v),
  ],
];
type RefusalClient = Parameters<RefusalCase[2]>[0];

describe("dot segments and empty path parameters are refused before sending", () => {
  for (const [method, parameter, call, kind = "async"] of stringParameterCalls) {
    for (const value of ["..", ".", ""]) {
      it(`${method}(${JSON.stringify(value)})`, async () => {
        await expectRefusedBeforeSending([
          method,
          kind,
          (client) => call(client, value),
          new RegExp(`${parameter}`),
        ]);
      });
    }
  }

  it("a value that merely contains dots or slashes is sent, encoded, to the right endpoint", async () => {
    const server = await startLoopbackServer((_q, response) => sendJson(response, 204, {}));
    try {
      const client = clientFor(server);
      await client.knowledge.deleteTranslation(articleId, "../x");
      await client.knowledge.deleteTranslation(articleId, "...");
      expect(server.requests.map((r) => r.url)).toEqual([
        `/beta/knowledge/articles/${articleId}/translations/..%2Fx`,
        `/beta/knowledge/articles/${articleId}/translations/...`,
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("client.raw checks its path parameters the same way", () => {
  const template = "/beta/knowledge/articles/{articleId}/translations/{languageId}" as const;
  it.each([
    ["..", /languageId must not be "\.\."/],
    [".", /languageId must not be "\."/],
    ["", /languageId must not be empty/],
  ])("%j is a TypeError naming the parameter", async (value, message) => {
    const server = await startLoopbackServer((_q, response) => sendJson(response, 204, {}));
    try {
      const client = clientFor(server);
      const call = () =>
        client.raw.DELETE(template, { params: { path: { articleId, languageId: value } } });
      await expect(call()).rejects.toThrow(TypeError);
      await expect(call()).rejects.toThrow(message);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("a missing path parameter is refused instead of sending the template's braces", async () => {
    const server = await startLoopbackServer((_q, response) => sendJson(response, 200, {}));
    try {
      const client = clientFor(server);
      await expect(client.raw.GET("/beta/agents/{agentId}", {} as never)).rejects.toThrow(
        /path parameter agentId must be a string or a number, got undefined/,
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
