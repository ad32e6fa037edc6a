/**
 * Path parameters are refused before anything is sent when they are not what the spec says, for
 * every operation (driven by the generator's plan): a string parameter that is empty, `.` or `..`
 * (percent-encoding leaves dots alone and URL parsing collapses dot segments, so it would call
 * another endpoint: issue 11.1), a UUID that is not one, a conversation id that is not a positive
 * integer. The same check stands where every request is built, `client.raw` included.
 */
import { describe, expect, it } from "vitest";
import { argumentsFor, plan } from "../contract/operation-arguments.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

const articleId = "6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11";
const badValues = {
  string: ["..", ".", ""],
  uuid: ["..", "not-a-uuid", ""],
  int64: [0, -1, 1.5, "4711"],
  integer: [1.5, "1"],
} as const;

describe("every operation refuses a bad path parameter before sending", () => {
  for (const operation of plan.operations) {
    operation.pathParameters.forEach((parameter, position) => {
      for (const value of badValues[parameter.kind]) {
        it(`${operation.resource}.${operation.name}: ${parameter.name} = ${JSON.stringify(value)}`, async () => {
          const args = argumentsFor(operation);
          args[position] = value;
          await expectRefusedBeforeSending([
            operation.functionName,
            operation.result === "pages" ? "paged" : "async",
            (client) => {
              const resource = (client as unknown as Record<string, Record<string, Function>>)[
                operation.resource
              ]!;
              return resource[operation.name]!.apply(resource, args);
            },
            new RegExp(`\\b${parameter.name}\\b`),
          ]);
        });
      }
    });
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
