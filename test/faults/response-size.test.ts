/**
 * A 200 that never ends must not grow the process until the time limit: answers are read under
 * `maxResponseBytes`, past which the call fails, the connection is closed, and nothing is
 * retried (issue 11.6).
 */
import { describe, expect, it } from "vitest";
import { createDixaClient, DixaMalformedResponseError } from "../../src/index.js";
import { startLoopbackServer } from "../support/loopback-server.js";

const chunk = Buffer.alloc(64 * 1024, "x");

describe("answers larger than maxResponseBytes", () => {
  it("an endless 200 fails as malformed, is not retried, and its connection is closed", async () => {
    let closed = 0;
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data": [');
      const timer = setInterval(() => response.write(chunk), 1);
      response.on("close", () => {
        clearInterval(timer);
        closed++;
      });
    });
    try {
      const client = createDixaClient({
        apiKey: "size-test-key",
        baseUrl: server.url,
        rateLimit: false,
        maxResponseBytes: 1024 * 1024,
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      });
      const error = await client.agents
        .get("6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11")
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DixaMalformedResponseError);
      expect(String(error)).toMatch(/larger than maxResponseBytes \(1048576 bytes\)/);
      expect(server.requests).toHaveLength(1);
      await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("a declared Content-Length over the limit is refused before the body is read", async () => {
    let written = 0;
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(105 * 1024 * 1024),
      });
      const timer = setInterval(() => {
        written += chunk.length;
        response.write(chunk);
      }, 5);
      response.on("close", () => clearInterval(timer));
    });
    try {
      const client = createDixaClient({
        apiKey: "size-test-key",
        baseUrl: server.url,
        rateLimit: false,
      });
      const error = await client.notes.list(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DixaMalformedResponseError);
      expect(String(error)).toMatch(/larger than maxResponseBytes \(67108864 bytes\)/);
      expect(server.requests).toHaveLength(1);
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it("an answer within the limit is read whole", async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: [{ id: "a", message: "x".repeat(200_000) }] }));
    });
    try {
      const client = createDixaClient({
        apiKey: "size-test-key",
        baseUrl: server.url,
        rateLimit: false,
        maxResponseBytes: 300_000,
      });
      const notes = await client.notes.list(1);
      expect(notes[0]!.message).toHaveLength(200_000);
    } finally {
      await server.close();
    }
  });

  it("refuses a limit that is not a positive whole number of bytes", () => {
    for (const maxResponseBytes of [0, -1, 1.5, NaN, "1000"]) {
      expect(() =>
        createDixaClient({ apiKey: "k", maxResponseBytes: maxResponseBytes as number }),
      ).toThrow(/`maxResponseBytes` must be a positive whole number of bytes/);
    }
  });
});
