/**
 * A server may echo the token in another form than it was sent: JSON `\u` escapes, percent
 * encoding, base64, inside a bulk answer. None of it may reach an error, a raw client's `error`
 * or a log (issue 11.3). And a `__proto__` key in an error body stays data.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createDixaClient, DixaApiError, type DixaEvent } from "../../src/index.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";

const key = "sk-live-9F3a_b7Q-SECRET";

/** Every way an error or value might be shown to a person. */
function renderings(value: unknown): string[] {
  return [
    String(value),
    (value as Error)?.stack ?? "",
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 20, showHidden: true }),
  ];
}

function jsonEscaped(text: string): string {
  return Array.from(text, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
}
function percentEncoded(text: string): string {
  return Array.from(text, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join("");
}

const echoes: Array<[string, string]> = [
  ["JSON \\u escapes", `{"message":"token ${jsonEscaped(key)} refused"}`],
  [
    "JSON escapes mixed with plain characters",
    `{"message":"token ${key.slice(0, 5)}${jsonEscaped(key.slice(5, 9))}${key.slice(9)}"}`,
  ],
  ["percent-encoding", `{"message":"see /login?token=${percentEncoded(key)}"}`],
  ["lower-case percent-encoding", `{"message":"${percentEncoded(key).toLowerCase()}"}`],
  ["double percent-encoding", `{"message":"${percentEncoded(key).replace(/%/g, "%25")}"}`],
  ["base64", `{"message":"Basic ${btoa(key)}"}`],
  ["base64 of user:key", `{"message":"Basic ${btoa(`user:${key}`)}"}`],
  [
    "HTML character references",
    `<p>${Array.from(key, (c) => `&#${c.charCodeAt(0)};`).join("")}</p>`,
  ],
  ["plain text", `token ${key} refused`],
];

describe("the token never survives an echo, in any encoding", () => {
  it.each(echoes)("%s in an error body", async (_name, body) => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(401, { "content-type": "application/json", "x-echo": body });
      response.end(body);
    });
    const events: string[] = [];
    try {
      const client = createDixaClient({
        apiKey: key,
        baseUrl: server.url,
        rateLimit: false,
        onEvent: (event: DixaEvent) => events.push(JSON.stringify(event)),
      });
      const error = await client.notes.list(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DixaApiError);
      const raw = await client.raw.GET("/beta/conversations/{conversationId}/notes", {
        params: { path: { conversationId: 1 } },
      });
      const shown = [
        ...renderings(error),
        ...renderings((error as DixaApiError).body),
        ...renderings(raw.error),
        ...renderings(raw.response.headers.get("x-echo")),
        ...events,
      ];
      for (const text of shown) {
        expect(text).not.toContain(key);
        // Decoded again the way a reader (or a log pipeline) would, it still holds no key.
        expect(decodeAll(text)).not.toContain(key);
        for (const encoded of [btoa(key), btoa(`user:${key}`).slice(8, -4), jsonEscaped(key)]) {
          expect(text).not.toContain(encoded);
        }
      }
    } finally {
      await server.close();
    }
  });

  it("a bulk answer that cannot be paired keeps its outcomes, with the token removed", async () => {
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, {
        data: [{ _type: "BulkActionFailure", error: { message: `token ${key}`, [key]: 1 } }],
      }),
    );
    try {
      const client = createDixaClient({ apiKey: key, baseUrl: server.url, rateLimit: false });
      const result = await client.notes.createMany(1, [{ message: "a" }, { message: "b" }]);
      expect(result.failures).toHaveLength(2);
      const [first] = result.failures;
      expect(first!.reason).toBe("request-failed");
      expect(first!.error).toMatchObject({ kind: "bulk-response", inputCount: 2 });
      for (const text of renderings(result)) expect(text).not.toContain(key);
      const outcomes = (first!.error as unknown as { outcomes: unknown[] }).outcomes;
      expect(outcomes).toEqual([
        {
          _type: "BulkActionFailure",
          error: { message: "token [redacted]", "[redacted]": 1 },
        },
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("an error body is parsed into plain data", () => {
  it("a __proto__ key does not become the body's prototype", async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(400, { "content-type": "application/json" });
      response.end('{"message":"bad","__proto__":{"polluted":true,"message":"fake"}}');
    });
    try {
      const client = createDixaClient({ apiKey: key, baseUrl: server.url, rateLimit: false });
      const error = (await client.notes.list(1).catch((e: unknown) => e)) as DixaApiError;
      const body = error.body as Record<string, unknown>;
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      expect((body as { polluted?: unknown }).polluted).toBeUndefined();
      expect(error.serverMessage).toBe("bad");
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

/** Undoes the encodings a log reader might apply, so a hidden key would show. */
function decodeAll(text: string): string {
  let out = text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  out = out.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  for (let i = 0; i < 2; i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

describe("redaction gaps (issue 19.10)", () => {
  it("a header whose name echoes the token loses the token from its name", async () => {
    const server = await startLoopbackServer((request, response) => {
      response.writeHead(request.url.includes("/notes") ? 401 : 200, {
        "content-type": "application/json",
        [`x-echo-${key}`]: "1",
      });
      response.end('{"data":{"id":"o","name":"Org"}}');
    });
    try {
      const client = createDixaClient({ apiKey: key, baseUrl: server.url, rateLimit: false });
      const error = (await client.notes.list(1).catch((e: unknown) => e)) as DixaApiError;
      const raw = await client.raw.GET("/beta/organization");
      for (const headers of [error.response!.headers, raw.response.headers]) {
        const names = [...headers.keys()];
        expect(names).toContain("x-echo-redacted");
        expect(names.join(" ")).not.toContain(key.toLowerCase());
      }
    } finally {
      await server.close();
    }
  });

  it("client.raw's 2xx status text and headers are redacted too", async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, `OK for ${key}`, {
        "content-type": "application/json",
        "x-echo": `token=${key}`,
      });
      response.end('{"data":{"id":"o","name":"Org"}}');
    });
    try {
      const client = createDixaClient({ apiKey: key, baseUrl: server.url, rateLimit: false });
      const { data, response } = await client.raw.GET("/beta/organization");
      expect(data).toEqual({ data: { id: "o", name: "Org" } });
      expect(response.statusText).toBe("OK for [redacted]");
      expect(response.headers.get("x-echo")).toBe("token=[redacted]");
    } finally {
      await server.close();
    }
  });

  const latin1Key = "tök-én-Sécret-42";
  const utf8Percent = (text: string) =>
    Array.from(new TextEncoder().encode(text), (b) => `%${b.toString(16).toUpperCase()}`).join("");
  it.each([
    ["JSON \\u escapes", jsonEscaped(latin1Key)],
    ["UTF-8 percent-encoding", utf8Percent(latin1Key)],
    ["Latin-1 percent-encoding", percentEncoded(latin1Key)],
    ["HTML character references", Array.from(latin1Key, (c) => `&#${c.charCodeAt(0)};`).join("")],
  ])("a token with Latin-1 letters, echoed as %s", async (_name, echo) => {
    const error = await errorEchoing(latin1Key, `{"message":"unknown token ${echo}"}`);
    expect(error.serverMessage).toBe("unknown token [redacted]");
    for (const text of renderings(error)) expect(decodeAll(text)).not.toContain(latin1Key);
  });
});

/** The DixaApiError of a call whose answer is a 401 with `body` (JSON text, sent as is). */
async function errorEchoing(apiKey: string, body: string): Promise<DixaApiError> {
  const server = await startLoopbackServer((_request, response) => {
    response.writeHead(401, { "content-type": "application/json" });
    response.end(body);
  });
  try {
    const client = createDixaClient({ apiKey, baseUrl: server.url, rateLimit: false });
    return (await client.notes.list(1).catch((e: unknown) => e)) as DixaApiError;
  } finally {
    await server.close();
  }
}

describe("redaction never garbles (issue 20.4)", () => {
  it.each(["a", "json", "beta"])(
    "with the token %j, messages, headers and URLs stay readable",
    async (token) => {
      const server = await startLoopbackServer((_request, response) =>
        sendJson(response, 404, { message: "Conversation 1 has no notes, beta or json" }),
      );
      const events: DixaEvent[] = [];
      try {
        const client = createDixaClient({
          apiKey: token,
          baseUrl: server.url,
          rateLimit: false,
          onEvent: (event) => events.push(event),
        });
        const error = (await client.notes.list(1).catch((e: unknown) => e)) as DixaApiError;
        expect(error.message).toBe(
          "Dixa answered 404 to GET /beta/conversations/1/notes: Conversation 1 has no notes, beta or json",
        );
        expect(error.response!.headers.get("content-type")).toBe("application/json");
        const request = events.find((event) => event.type === "request");
        expect(request).toMatchObject({
          url: `${server.url}/beta/conversations/1/notes`,
          headers: { authorization: "[redacted]", accept: "application/json" },
        });
      } finally {
        await server.close();
      }
    },
  );

  it("a token of 8 characters or more is still removed, in every form", async () => {
    const token = "json1234";
    const error = await errorEchoing(
      token,
      `{"message":"bad ${token}, ${jsonEscaped(token)}, Basic ${btoa(token)}"}`,
    );
    // Base64 keeps its last characters, which depend on what follows the token.
    expect(error.serverMessage).toMatch(/^bad \[redacted\], \[redacted\], Basic \[redacted\]Q=$/);
  });
});
