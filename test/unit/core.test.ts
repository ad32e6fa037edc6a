/**
 * The modular form: `createDixaCore` and the operation functions. It carries what you pass and
 * nothing more (no limiter unless given one), and holds nothing a log could leak.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createDixaCore,
  notesCreate,
  notesList,
  sharedRateLimiter,
  type DixaEvent,
} from "../../src/index.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";

const key = "core-test-SECRET-key";

describe("createDixaCore", () => {
  it("performs an operation through its function", async () => {
    const server = await startLoopbackServer((request, response) =>
      sendJson(response, 200, { data: { id: "n1", ...JSON.parse(request.body) } }),
    );
    try {
      const dixa = createDixaCore({ apiKey: key, baseUrl: server.url });
      const note = await notesCreate(dixa, 4711, { message: "hi" });
      expect(note).toMatchObject({ id: "n1", message: "hi" });
      expect(server.requests[0]).toMatchObject({
        method: "POST",
        url: "/beta/conversations/4711/notes",
      });
      expect(server.requests[0]!.headers["authorization"]).toBe(key);
    } finally {
      await server.close();
    }
  });

  it("limits only with the limiter it is given", async () => {
    const server = await startLoopbackServer((_q, response) =>
      sendJson(response, 200, { data: [] }),
    );
    try {
      const waits = async (rateLimit?: ReturnType<typeof sharedRateLimiter>) => {
        const events: DixaEvent[] = [];
        const dixa = createDixaCore({
          apiKey: `${key}-${rateLimit ? "limited" : "free"}`,
          baseUrl: server.url,
          rateLimit,
          onEvent: (event) => events.push(event),
        });
        await Promise.all(Array.from({ length: 8 }, () => notesList(dixa, 1)));
        return events.filter((e) => e.type === "rate-limit-wait").length;
      };
      expect(await waits()).toBe(0);
      expect(await waits(sharedRateLimiter(`${key}-limited`))).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("refuses limiter options, which only createDixaClient turns into a limiter", () => {
    expect(() =>
      createDixaCore({ apiKey: key, rateLimit: { requestsPerSecond: 5 } as never }),
    ).toThrow(/createDixaCore: `rateLimit` takes a limiter/);
  });

  it("shows nothing of the token to inspect or JSON", () => {
    const dixa = createDixaCore({ apiKey: key });
    expect(inspect(dixa, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(dixa)).not.toContain(key);
  });
});

describe("sharedRateLimiter", () => {
  it("is one limiter per token, however the token was read", () => {
    expect(sharedRateLimiter(`  ${key}-shared\n`)).toBe(sharedRateLimiter(`${key}-shared`));
    expect(sharedRateLimiter(`${key}-a`)).not.toBe(sharedRateLimiter(`${key}-b`));
  });
});
