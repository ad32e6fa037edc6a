/**
 * How requests are built, for the facade and `client.raw` alike (one builder, issue 21.5):
 * per-call headers in every form a user may hold them (issue 19.13), one Content-Type, path
 * parameters no URL can carry (issue 19.16), and raw paths with dot segments (issue 19.18).
 */
import { describe, expect, it } from "vitest";
import { createDixaClient, type CallOptions } from "../../src/index.js";

const token = "request-building-key-1234";

/** A client whose fetch records each Request and answers `{ data }`. */
function recording(data: unknown = {}) {
  const sent: Request[] = [];
  const client = createDixaClient({
    apiKey: token,
    rateLimit: false,
    retry: false,
    fetch: async (request) => {
      sent.push(request);
      return Response.json({ data });
    },
  });
  return { client, sent };
}

describe("per-call headers", () => {
  const forms: Array<[string, CallOptions["headers"]]> = [
    ["a plain object", { "X-Trace": "t-1" }],
    ["a Headers", new Headers({ "X-Trace": "t-1" })],
    ["a Map", new Map([["X-Trace", "t-1"]])],
    ["a list of pairs", [["X-Trace", "t-1"]]],
  ];

  it.each(forms)("given as %s, are sent", async (_name, headers) => {
    const { client, sent } = recording();
    await client.organization.get({ headers });
    expect(sent[0]!.headers.get("x-trace")).toBe("t-1");
    expect(sent[0]!.headers.get("authorization")).toBe(token);
  });

  it.each([
    ["a plain object", { authorization: "other" }],
    ["a Headers", new Headers({ Authorization: "other" })],
    ["a Map", new Map([["AUTHORIZATION", "other"]])],
    ["a list of pairs", [["Authorization", "other"]] as [string, string][]],
  ])("naming Authorization as %s, are refused before sending", async (_name, headers) => {
    const { client, sent } = recording();
    const error = await client.organization.get({ headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/cannot set Authorization/);
    expect(String(error)).not.toContain("other");
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["a name given twice in two spellings", { "X-A": "1", "x-a": "2" }, /names "x-a" twice/],
    [
      "a class instance",
      new (class Custom {})(),
      /must be an object \(plain, a Headers or a Map\)/,
    ],
    ["a malformed pair", [["X-A"]], /must hold \[name, value\] pairs/],
  ])("%s is a TypeError", async (_name, headers, message) => {
    const { client, sent } = recording();
    await expect(client.organization.get({ headers: headers as never })).rejects.toThrow(message);
    expect(sent).toHaveLength(0);
  });

  it("a Content-Type replaces the client's, never merged with it", async () => {
    const { client, sent } = recording({ id: "n" });
    await client.notes.create(
      1,
      { message: "x" },
      { headers: { "Content-Type": "application/json; charset=utf-8" } },
    );
    expect(sent[0]!.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("a Content-Type beside a multipart body is refused: the boundary is the client's", async () => {
    const { client, sent } = recording();
    const error = await client.knowledge
      .uploadAttachments([{ name: "logo.png", data: new Uint8Array([1]) }], {
        headers: { "content-type": "multipart/form-data" },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/cannot set Content-Type for a multipart body/);
    expect(sent).toHaveLength(0);
  });
});

describe("one builder for the facade and client.raw", () => {
  it("both send the same headers for the same call", async () => {
    const facade = recording();
    await facade.client.organization.get({ headers: new Map([["X-Trace", "t-1"]]) });
    const raw = recording();
    await raw.client.raw.GET("/beta/organization", { headers: new Headers({ "X-Trace": "t-1" }) });
    const headersOf = (request: Request) => Object.fromEntries(request.headers);
    expect(headersOf(raw.sent[0]!)).toEqual(headersOf(facade.sent[0]!));
    expect(raw.sent[0]!.url).toBe(facade.sent[0]!.url);
  });

  it("client.raw refuses Authorization in any form, as the facade does", async () => {
    const { client, sent } = recording();
    for (const headers of [{ authorization: "x" }, new Headers({ Authorization: "x" })]) {
      await expect(client.raw.GET("/beta/organization", { headers })).rejects.toThrow(
        /client\.raw: headers cannot set Authorization/,
      );
    }
    expect(sent).toHaveLength(0);
  });

  it("client.raw's JSON body goes with one Content-Type", async () => {
    const { client, sent } = recording({ id: "n" });
    await client.raw.POST("/beta/conversations/{conversationId}/notes", {
      params: { path: { conversationId: 1 } },
      body: { message: "x" },
    });
    expect(sent[0]!.headers.get("content-type")).toBe("application/json");
    expect(await sent[0]!.text()).toBe('{"message":"x"}');
  });
});

describe("text no URL can carry", () => {
  const articleId = "6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11";
  const translationPath = "/beta/knowledge/articles/{articleId}/translations/{languageId}";

  it.each(["\uD800", "a\uDC00b", "x\uDBFF"])(
    "a path parameter holding a lone surrogate (%j) is a TypeError naming it",
    async (value) => {
      const { client, sent } = recording();
      const error = await client.knowledge
        .deleteTranslation(articleId, value)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/path parameter languageId holds a lone surrogate/);
      const raw = await client.raw
        .DELETE(translationPath, { params: { path: { articleId, languageId: value } } })
        .catch((e: unknown) => e);
      expect(raw).toBeInstanceOf(TypeError);
      expect(String(raw)).toMatch(/path parameter languageId holds a lone surrogate/);
      expect(sent).toHaveLength(0);
    },
  );

  it("a well-formed pair is sent, encoded", async () => {
    const { client, sent } = recording();
    await client.knowledge.deleteTranslation(articleId, "😀");
    expect(new URL(sent[0]!.url).pathname).toBe(
      `/beta/knowledge/articles/${articleId}/translations/%F0%9F%98%80`,
    );
  });

  it("a query value holding a lone surrogate is a TypeError naming it", async () => {
    const { client, sent } = recording([]);
    expect(() => client.agents.list({ email: "\uD800" })).not.toThrow();
    await expect(client.agents.list({ email: "\uD800" }).toArray()).rejects.toThrow(
      /query parameter email holds a lone surrogate/,
    );
    expect(sent).toHaveLength(0);
  });
});

describe("client.raw paths with dot segments", () => {
  it.each([
    "/beta/../admin",
    "/beta/./agents",
    "/beta/%2e%2e/admin",
    "/beta/.%2E/admin",
    "/beta/%2e/agents",
    "/beta/..",
    "/beta\\..\\admin",
  ])("%s is refused before sending", async (path) => {
    const { client, sent } = recording();
    const error = await client.raw.GET(path as "/beta/organization").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/client\.raw: the path must not hold a dot segment/);
    expect(sent).toHaveLength(0);
  });

  it("dots inside a segment are fine", async () => {
    const { client, sent } = recording();
    await client.raw.GET("/beta/agents/a..b" as "/beta/organization");
    expect(new URL(sent[0]!.url).pathname).toBe("/beta/agents/a..b");
  });
});
