/**
 * examples/webhook-receiver.ts over loopback: signed, tampered, stale, replayed and concurrent
 * duplicate deliveries, as Dixa (or an attacker) would post them.
 */
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  handledEvents,
  startWebhookReceiver,
  type Handlers,
  type RunningReceiver,
} from "../../examples/webhook-receiver.js";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import {
  createDixaTestEvent,
  dixaEventFqn,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaWebhookEvent,
} from "../../src/webhooks/index.js";

const secret = "5e1c0a7f9b3d2e4c6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a";

describe("the example receiver", () => {
  let receiver: RunningReceiver;
  const handled: DixaWebhookEvent[] = [];
  let failNext = false;
  const errors: string[] = [];

  beforeAll(async () => {
    const record = async (event: DixaWebhookEvent) => {
      // Yield first, so concurrent deliveries really overlap inside the handler.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failNext) {
        failNext = false;
        throw new Error("the database is down");
      }
      handled.push(event);
    };
    const handlers: Handlers = { ConversationMessageAdded: record, ConversationClosed: record };
    receiver = await startWebhookReceiver({
      secret,
      port: 0,
      handlers,
      maxBodyBytes: 64 * 1024,
      logError: (line) => errors.push(line),
    });
  });
  afterAll(() => receiver?.close());

  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(receiver.url, { method: "POST", body, headers });
    return { status: response.status, text: await response.text() };
  };
  const handledIds = () => handled.map((e) => e.event_id);

  it("subscribes and handles with the same names", () => {
    expect(handledEvents.map((name) => dixaEventFqn[name])).toEqual([
      "CONVERSATION_MESSAGE_ADDED",
      "CONVERSATION_CLOSED",
    ]);
  });

  it("handles a signed delivery of each of its two events once", async () => {
    const message = createDixaTestEvent(
      "CONVERSATION_MESSAGE_ADDED",
      sampleDixaEvent("CONVERSATION_MESSAGE_ADDED").data,
    );
    const closed = createDixaTestEvent("CONVERSATION_CLOSED", {
      conversation: sampleDixaEvent("CONVERSATION_CREATED").data.conversation,
    });
    for (const event of [message, closed]) {
      const { body, headers } = await signDixaWebhook(event, secret);
      expect(await post(body, headers)).toEqual({ status: 200, text: "ok" });
    }
    expect(handledIds()).toEqual([message.event_id, closed.event_id]);
    expect(handled[0]).toEqual(message);
  });

  it("acknowledges a replayed delivery without handling it again", async () => {
    const event = createDixaTestEvent("CONVERSATION_CLOSED", {
      conversation: sampleDixaEvent("CONVERSATION_PENDING").data.conversation,
    });
    const delivery = await signDixaWebhook(event, secret);
    expect((await post(delivery.body, delivery.headers)).text).toBe("ok");
    // The same bytes again, and a redelivery Dixa signed anew a moment later.
    expect(await post(delivery.body, delivery.headers)).toEqual({ status: 200, text: "duplicate" });
    const resigned = await signDixaWebhook(event, secret, { timestamp: Date.now() + 1000 });
    expect(await post(resigned.body, resigned.headers)).toEqual({ status: 200, text: "duplicate" });
    expect(handledIds().filter((id) => id === event.event_id)).toHaveLength(1);
  });

  it("counts concurrent duplicate deliveries once", async () => {
    const event = createDixaTestEvent(
      "CONVERSATION_MESSAGE_ADDED",
      sampleDixaEvent("CONVERSATION_MESSAGE_ADDED").data,
    );
    const { body, headers } = await signDixaWebhook(event, secret);
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, headers)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.text === "ok")).toHaveLength(1);
    expect(answers.filter((a) => a.text === "duplicate")).toHaveLength(7);
    expect(handledIds().filter((id) => id === event.event_id)).toHaveLength(1);
  });

  it("refuses tampered, stale, unsigned and wrongly signed deliveries with 401", async () => {
    const event = createDixaTestEvent("CONVERSATION_CLOSED", {
      conversation: sampleDixaEvent("CONVERSATION_CREATED").data.conversation,
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    const before = handled.length;
    const tamperedBody = body.replace('"csid" : 2', '"csid" : 3');
    expect(tamperedBody).not.toBe(body);
    expect(await post(tamperedBody, headers)).toEqual({ status: 401, text: "bad-signature" });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(headers["X-DIXA-SIGNATURE"]!)!;
    const tamperedT = { ...headers, "X-DIXA-SIGNATURE": `t=${Number(t) + 1},v1=${v1}` };
    expect(await post(body, tamperedT)).toEqual({ status: 401, text: "bad-signature" });
    const stale = await signDixaWebhook(event, secret, { timestamp: Date.now() - 10 * 60_000 });
    expect(await post(stale.body, stale.headers)).toEqual({ status: 401, text: "stale" });
    const future = await signDixaWebhook(event, secret, { timestamp: Date.now() + 10 * 60_000 });
    expect(await post(future.body, future.headers)).toEqual({ status: 401, text: "stale" });
    expect(await post(body, { "content-type": "application/json" })).toEqual({
      status: 401,
      text: "missing-header",
    });
    expect(await post(body, { ...headers, "X-DIXA-SIGNATURE": "garbage" })).toEqual({
      status: 401,
      text: "malformed-header",
    });
    const otherSecret = await signDixaWebhook(event, "ab".repeat(32));
    expect(await post(otherSecret.body, otherSecret.headers)).toEqual({
      status: 401,
      text: "bad-signature",
    });
    expect(handled.length).toBe(before);
    expect(errors.filter((line) => line.startsWith("refused a delivery: "))).toHaveLength(7);
    expect(errors.join("\n")).not.toContain(secret);
    // The genuine delivery still goes through afterwards: nothing was recorded for the forgeries.
    expect((await post(body, headers)).text).toBe("ok");
  });

  it("acknowledges events it does not handle, known or new, without handling them", async () => {
    const before = handled.length;
    const tag = await signDixaWebhook(sampleDixaEvent("CONVERSATION_TAG_ADDED"), secret);
    expect(await post(tag.body, tag.headers)).toEqual({ status: 200, text: "ok" });
    const future = await signDixaWebhook(
      { ...createDixaTestEvent("TYPING_STARTED", {}), event_fqn: "SOMETHING_DIXA_ADDS_LATER" },
      secret,
    );
    expect(await post(future.body, future.headers)).toEqual({ status: 200, text: "ok" });
    expect(handled.length).toBe(before);
  });

  it("answers 500 when handling fails, and handles Dixa's redelivery", async () => {
    const event = createDixaTestEvent("CONVERSATION_CLOSED", {
      conversation: sampleDixaEvent("CONVERSATION_CREATED").data.conversation,
    });
    const { body, headers } = await signDixaWebhook(event, secret);
    failNext = true;
    expect(await post(body, headers)).toEqual({ status: 500, text: "onEvent failed" });
    expect(handledIds()).not.toContain(event.event_id);
    expect(errors.at(-1)).toContain("failed: Error: the database is down");
    expect(await post(body, headers)).toEqual({ status: 200, text: "ok" });
    expect(handledIds()).toContain(event.event_id);
  });

  it("refuses a body over its cap with 413, without reading it all", async () => {
    const url = new URL(receiver.url);
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const outcome = await new Promise<{ status: number | string; written: number }>((resolve) => {
      let written = 0;
      let settled = false;
      const done = (status: number | string) => {
        if (settled) return;
        settled = true;
        resolve({ status, written });
        outgoing.destroy();
      };
      // Chunked (no Content-Length), so the cap has to be enforced while reading.
      const outgoing = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST" },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", (error) => done(`error: ${error.message}`));
      const pump = () => {
        while (!settled && written < total) {
          written += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        if (!settled) outgoing.end();
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    // The receiver stopped after 64 KiB; what got written is at most what the socket buffers held.
    expect(outcome.written).toBeLessThan(total / 4);
  });
});

// A tsx process starts in about a second on an idle machine; give it far more on a busy one.
const scriptTimeoutMs = 90_000;

describe("the example run as a script", () => {
  it(
    "starts from the command line, verifies and handles a delivery, prints a line",
    async () => {
      const child = spawn(process.execPath, ["--import", "tsx", "examples/webhook-receiver.ts"], {
        cwd: projectRoot,
        env: { ...process.env, DIXA_WEBHOOK_SECRET: secret, PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      try {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        const waitFor = async (pattern: RegExp) => {
          for (let i = 0; i < 800 && !pattern.test(stdout); i++) {
            if (child.exitCode !== null) throw new Error(`the example exited: ${stdout}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return pattern.exec(stdout);
        };
        const url = (await waitFor(/listening on (\S+)/))?.[1];
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dixa\/webhooks$/);
        const { body, headers } = await signDixaWebhook(
          sampleDixaEvent("CONVERSATION_MESSAGE_ADDED"),
          secret,
        );
        const response = await fetch(url!, { method: "POST", body, headers });
        expect(response.status).toBe(200);
        expect(
          await waitFor(/conversation 2: outbound EMAIL message from Agent Name/),
        ).not.toBeNull();
      } finally {
        child.kill();
      }
    },
    scriptTimeoutMs,
  );

  it(
    "refuses to start with a secret that is not hex",
    async () => {
      const child = spawn(process.execPath, ["--import", "tsx", "examples/webhook-receiver.ts"], {
        cwd: projectRoot,
        env: { ...process.env, DIXA_WEBHOOK_SECRET: "not-a-hex-secret", PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain("secretKey) must be hex");
      expect(stderr).not.toContain("not-a-hex-secret");
    },
    scriptTimeoutMs,
  );
});
