/**
 * The request adapters: a Fetch API Request (made here, and made from a real socket the way
 * Node adapters of Hono and others make one) and Node's IncomingMessage over loopback, plain
 * and as Express leaves it after express.raw() or express.json().
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_BODY_BYTES,
  DixaWebhookPayloadError,
  constructDixaEventFromNodeRequest,
  constructDixaEventFromRequest,
  createDixaWebhookReceiver,
  sampleDixaEvent,
  signDixaWebhook,
} from "../../src/webhooks/index.js";
import { rejectionOf } from "./rejection.js";

const secret = "0f".repeat(32);
const event = sampleDixaEvent("CONVERSATION_NOTE_ADDED");

function post(url: string, body: string, headers: Record<string, string>) {
  return new Request(url, { method: "POST", body, headers });
}

/** A body stream that never ends; counts what was pulled and whether it was cancelled. */
function endlessBody(chunkSize: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += chunkSize;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("the Web Request adapter", () => {
  it("reads, verifies and returns the event", async () => {
    const { body, headers } = await signDixaWebhook(event, secret);
    const request = post("http://localhost/dixa", body, headers);
    await expect(constructDixaEventFromRequest(request, secret)).resolves.toEqual(event);
    const receiver = createDixaWebhookReceiver({ secret });
    const again = await signDixaWebhook(event, secret);
    await expect(
      receiver.fromRequest(post("http://localhost/", again.body, again.headers)),
    ).resolves.toEqual(event);
  });

  it("refuses a tampered request", async () => {
    const { body, headers } = await signDixaWebhook(event, secret);
    const request = post("http://localhost/", body.replace("Some Note", "Some Nate"), headers);
    await expect(constructDixaEventFromRequest(request, secret)).rejects.toMatchObject({
      kind: "bad-signature",
    });
  });

  it("refuses an endless body once past the cap, reading little more than the cap", async () => {
    const { headers } = await signDixaWebhook(event, secret);
    const { stream, state } = endlessBody(16 * 1024);
    const request = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers,
      duplex: "half",
    } as RequestInit);
    const error = await rejectionOf<DixaWebhookPayloadError>(
      constructDixaEventFromRequest(request, secret, { maxBodyBytes: 100_000 }),
    );
    expect(error).toBeInstanceOf(DixaWebhookPayloadError);
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("maxBodyBytes (100000 bytes");
    expect(state.cancelled).toBe(true);
    // The cap plus what the stream had queued ahead: nowhere near "all" (it is endless).
    expect(state.pulled).toBeLessThan(100_000 + 4 * 16 * 1024);
  });

  it("refuses up front when Content-Length is over the cap, reading nothing", async () => {
    const { headers } = await signDixaWebhook(event, secret);
    const { stream, state } = endlessBody(1024);
    const request = {
      headers: new Headers({ ...headers, "content-length": String(DEFAULT_MAX_BODY_BYTES + 1) }),
      body: stream,
      bodyUsed: false,
    };
    await expect(constructDixaEventFromRequest(request, secret)).rejects.toMatchObject({
      kind: "too-large",
    });
    expect(state.pulled).toBeLessThanOrEqual(1024); // at most the stream's own first pull
  });

  it("takes a body exactly at the cap", async () => {
    const { body, headers } = await signDixaWebhook(event, secret);
    const size = new TextEncoder().encode(body).length;
    const request = post("http://localhost/", body, headers);
    await expect(
      constructDixaEventFromRequest(request, secret, { maxBodyBytes: size }),
    ).resolves.toEqual(event);
    const over = post("http://localhost/", body, headers);
    await expect(
      constructDixaEventFromRequest(over, secret, { maxBodyBytes: size - 1 }),
    ).rejects.toMatchObject({ kind: "too-large" });
  });

  it("says so when the body was already read, and checks its arguments", async () => {
    const { body, headers } = await signDixaWebhook(event, secret);
    const request = post("http://localhost/", body, headers);
    await request.json();
    await expect(constructDixaEventFromRequest(request, secret)).rejects.toThrow(
      /already been read \(e\.g\. by request\.json\(\)\)/,
    );
    await expect(constructDixaEventFromRequest({} as never, secret)).rejects.toThrow(
      /must be a Fetch API Request/,
    );
    await expect(
      constructDixaEventFromRequest(post("http://x/", body, headers), secret, { maxBodyBytes: 0 }),
    ).rejects.toThrow(/maxBodyBytes must be a positive integer/);
    await expect(
      constructDixaEventFromRequest(post("http://x/", body, headers), "xyz"),
    ).rejects.toThrow(TypeError);
  });

  it("an empty body is checked like any other (and fails the signature)", async () => {
    const { headers } = await signDixaWebhook(event, secret);
    const request = new Request("http://localhost/", { method: "POST", headers });
    await expect(constructDixaEventFromRequest(request, secret)).rejects.toMatchObject({
      kind: "bad-signature",
    });
  });
});

// --- Node.js over loopback ------------------------------------------------------------------

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(route: Route): Promise<string> {
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status =
        error instanceof DixaWebhookPayloadError && error.kind === "too-large" ? 413 : 400;
      const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      response.writeHead(status, { "content-type": "text/plain", connection: "close" });
      response.end(name);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const ok = (response: ServerResponse, value: unknown) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
};

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("the Node.js IncomingMessage adapter", () => {
  it("plain node:http: reads the stream itself", async () => {
    const url = await serve(async (request, response) =>
      ok(response, await constructDixaEventFromNodeRequest(request, secret)),
    );
    const { body, headers } = await signDixaWebhook(event, secret);
    const answer = await fetch(url, { method: "POST", body, headers });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(event);
  });

  it("reads a request that something paused before it", async () => {
    const url = await serve(async (request, response) => {
      request.pause();
      await new Promise((resolve) => setTimeout(resolve, 20));
      ok(response, await constructDixaEventFromNodeRequest(request, secret));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    expect(await (await fetch(url, { method: "POST", body, headers })).json()).toEqual(event);
  });

  it("Express with express.raw(): takes the Buffer left in req.body", async () => {
    const url = await serve(async (request, response) => {
      // What express.raw({ type: "application/json" }) does: read it all into req.body.
      (request as IncomingMessage & { body?: unknown }).body = await readAll(request);
      ok(response, await createDixaWebhookReceiver({ secret }).fromNodeRequest(request));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    const answer = await fetch(url, { method: "POST", body, headers });
    expect(await answer.json()).toEqual(event);
  });

  it("Express 4 with no parser matching: reads the stream past the empty {} in req.body", async () => {
    const url = await serve(async (request, response) => {
      (request as IncomingMessage & { body?: unknown }).body = {};
      ok(response, await constructDixaEventFromNodeRequest(request, secret));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    expect(await (await fetch(url, { method: "POST", body, headers })).json()).toEqual(event);
  });

  it("Express with express.json() first: refused, saying why and what to do", async () => {
    const url = await serve(async (request, response) => {
      // What express.json() does: the stream is consumed and req.body is the parsed object.
      (request as IncomingMessage & { body?: unknown }).body = JSON.parse(
        (await readAll(request)).toString("utf8"),
      );
      ok(response, await constructDixaEventFromNodeRequest(request, secret));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    const answer = await fetch(url, { method: "POST", body, headers });
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text).toMatch(/^TypeError: request\.body must be the raw request body/);
    expect(text).toContain(
      "express.raw({ type: 'application/json', limit: DEFAULT_MAX_BODY_BYTES })",
    );
    expect(text).toContain("receiver.nodeHandler()");
  });

  it("a body read by something else and not kept: a TypeError", async () => {
    const url = await serve(async (request, response) => {
      await readAll(request);
      ok(response, await constructDixaEventFromNodeRequest(request, secret));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    const answer = await fetch(url, { method: "POST", body, headers });
    expect(await answer.text()).toMatch(/^TypeError: .*already been read/);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    let dataEvents = 0;
    const url = await serve(async (request, response) => {
      request.on("data", () => dataEvents++);
      request.pause();
      ok(
        response,
        await constructDixaEventFromNodeRequest(request, secret, { maxBodyBytes: 1000 }),
      );
    });
    const { headers } = await signDixaWebhook(event, secret);
    const answer = await fetch(url, { method: "POST", body: "x".repeat(5000), headers });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toContain("Content-Length says 5000");
    expect(dataEvents).toBe(0);
  });

  it("refuses a chunked body once past the cap, without buffering the rest", async () => {
    let bytesSeenByServer = 0;
    const url = await serve(async (request, response) => {
      request.on("data", (chunk: Buffer) => (bytesSeenByServer += chunk.length));
      ok(
        response,
        await constructDixaEventFromNodeRequest(request, secret, { maxBodyBytes: 256 * 1024 }),
      );
    });
    const { headers } = await signDixaWebhook(event, secret);
    const total = 128 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const status = await new Promise<number | string>((resolve) => {
      let written = 0;
      let settled = false;
      const finish = (value: number | string) => {
        if (settled) return;
        settled = true;
        resolve(value);
        outgoing.destroy();
      };
      const target = new URL(url);
      const outgoing = httpRequest(
        { host: target.hostname, port: target.port, method: "POST", path: "/", headers },
        (response) => {
          response.resume();
          finish(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", (error) => finish(`error ${error.message}`));
      const pump = () => {
        while (!settled && written < total) {
          written += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        if (!settled) outgoing.end();
      };
      pump();
    });
    expect(status).toBe(413);
    // The server took the cap and what was in flight; the sender never got to send it all.
    expect(bytesSeenByServer).toBeGreaterThan(256 * 1024);
    expect(bytesSeenByServer).toBeLessThan(total / 8);
  });

  it("a connection dropped mid-body rejects (not a hang)", async () => {
    let outcome: unknown;
    const settled = new Promise<void>((resolve) => {
      void serve(async (request) => {
        outcome = await rejectionOf(constructDixaEventFromNodeRequest(request, secret));
        resolve();
      }).then((url) => {
        const target = new URL(url);
        const outgoing = httpRequest({
          host: target.hostname,
          port: target.port,
          method: "POST",
          path: "/",
          headers: { "content-length": "1000" },
        });
        outgoing.on("error", () => undefined);
        outgoing.write("{ partial", () => setTimeout(() => outgoing.destroy(), 50));
      });
    });
    await settled;
    expect(String(outcome)).toMatch(/closed before the whole body arrived|aborted/);
  });

  it("a Web Request made from a Node request over a real socket (as Hono's Node adapter does)", async () => {
    const url = await serve(async (request, response) => {
      const web = new Request(`http://127.0.0.1${request.url}`, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit);
      ok(response, await constructDixaEventFromRequest(web, secret));
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    expect(await (await fetch(url, { method: "POST", body, headers })).json()).toEqual(event);
  });

  it("checks its arguments", async () => {
    await expect(constructDixaEventFromNodeRequest({} as never, secret)).rejects.toThrow(
      /must be a Node\.js http\.IncomingMessage/,
    );
    await expect(
      createDixaWebhookReceiver({ secret }).fromNodeRequest(null as never),
    ).rejects.toThrow(TypeError);
  });
});
