/**
 * The README's recipes in the frameworks they name: real Express 5 over loopback (a signed 2 MB
 * delivery, above express.raw()'s 100 kB default, is accepted; past the library's cap the 413
 * is the library's, not Express's HTML page) and Hono (payload problems are 400 or 413, never
 * 500).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_BODY_BYTES,
  createDixaTestEvent,
  createDixaWebhookReceiver,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaWebhookEvent,
} from "../../src/webhooks/index.js";

const secret = "7d".repeat(32);

/** A signed CONVERSATION_MESSAGE_ADDED whose body is about `bytes` long (a long e-mail). */
async function longDelivery(bytes: number) {
  const data = sampleDixaEvent("CONVERSATION_MESSAGE_ADDED").data;
  data.text = data.content.text = "x".repeat(bytes / 2);
  const event = createDixaTestEvent("CONVERSATION_MESSAGE_ADDED", data);
  return { event, ...(await signDixaWebhook(event, secret)) };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dixa/webhooks`;
}

describe("Express 5, as the README shows it", () => {
  it("nodeHandler before express.json(): a signed 2 MB delivery is handled", async () => {
    const handled: DixaWebhookEvent[] = [];
    const receiver = createDixaWebhookReceiver({ secret });
    const app = express();
    app.post(
      "/dixa/webhooks",
      receiver.nodeHandler((event) => void handled.push(event)),
    );
    app.use(express.json()); // the rest of the app
    const url = await listen(app);
    const { event, body, headers } = await longDelivery(2_000_000);
    expect(body.length).toBeGreaterThan(2_000_000);
    const response = await fetch(url, { method: "POST", body, headers });
    expect([response.status, await response.text()]).toEqual([200, "ok"]);
    expect(handled).toEqual([event]);
  });

  it("past the library's cap the answer is the library's 413, not Express's", async () => {
    const receiver = createDixaWebhookReceiver({ secret });
    const app = express();
    app.post(
      "/dixa/webhooks",
      receiver.nodeHandler(() => undefined, { onError: () => undefined }),
    );
    const url = await listen(app);
    const { body, headers } = await longDelivery(DEFAULT_MAX_BODY_BYTES + 1000);
    const response = await fetch(url, { method: "POST", body, headers });
    expect([response.status, await response.text()]).toEqual([413, "too-large"]);
  });

  it("express.raw() with the library's cap as its limit: fromNodeRequest takes 2 MB", async () => {
    const receiver = createDixaWebhookReceiver({ secret });
    const app = express();
    app.post(
      "/dixa/webhooks",
      express.raw({ type: "application/json", limit: DEFAULT_MAX_BODY_BYTES }),
      async (req, res) => {
        const event = await receiver.fromNodeRequest(req);
        res.send(event.event_id);
      },
    );
    const url = await listen(app);
    const { event, body, headers } = await longDelivery(2_000_000);
    const response = await fetch(url, { method: "POST", body, headers });
    expect([response.status, await response.text()]).toEqual([200, event.event_id]);
  });

  it("(why: express.raw()'s own default limit, 100 kB, refuses the same delivery with HTML)", async () => {
    const app = express();
    app.post("/dixa/webhooks", express.raw({ type: "application/json" }), (_req, res) => {
      res.send("reached");
    });
    const url = await listen(app);
    const { body, headers } = await longDelivery(2_000_000);
    const response = await fetch(url, { method: "POST", body, headers });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("<!DOCTYPE html>");
  });
});

describe("Hono, with the Fetch handler", () => {
  function app(options: { maxBodyBytes?: number } = {}) {
    const handled: string[] = [];
    const receiver = createDixaWebhookReceiver({ secret, ...options });
    const handler = receiver.fetchHandler((event) => void handled.push(event.event_id), {
      onError: () => undefined,
    });
    const hono = new Hono();
    hono.post("/dixa/webhooks", (c) => handler(c.req.raw));
    const send = async (body: string, headers: Record<string, string>) => {
      const response = await hono.request("/dixa/webhooks", { method: "POST", body, headers });
      return [response.status, await response.text()];
    };
    return { send, handled };
  }

  it("handles a delivery and acknowledges its duplicate", async () => {
    const { send, handled } = app();
    const event = sampleDixaEvent("CONVERSATION_TAG_ADDED");
    const { body, headers } = await signDixaWebhook(event, secret);
    expect(await send(body, headers)).toEqual([200, "ok"]);
    expect(await send(body, headers)).toEqual([200, "duplicate"]);
    expect(handled).toEqual([event.event_id]);
  });

  it.each([
    ["not JSON", "not json", 400, "not-json"],
    ["not an event", '{"event_fqn":"CONVERSATION_CREATED"}', 400, "not-an-event"],
    ["too large", "x".repeat(5000), 413, "too-large"],
  ])("a signed delivery that is %s: %i, never 500", async (_, body, status, text) => {
    const { send, handled } = app({ maxBodyBytes: 4096 });
    const signed = await signDixaWebhook(body, secret);
    expect(await send(signed.body, signed.headers)).toEqual([status, text]);
    expect(handled).toEqual([]);
  });
});
