/**
 * The ready handlers: what they answer for every kind of delivery, and the de-duplication
 * protocol behind them (claim, then complete, or release when onEvent failed), with the Fetch
 * handler called directly and the Node handler over loopback.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createDixaWebhookReceiver,
  createMemoryDedupeStore,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaWebhookAnswer,
  type DixaWebhookDedupeStore,
  type DixaWebhookEvent,
  type DixaWebhookReceiverOptions,
} from "../../src/webhooks/index.js";

const secret = "3c".repeat(32);

function post(body: string, headers: Record<string, string>) {
  return new Request("http://localhost/dixa/webhooks", { method: "POST", body, headers });
}

/** A receiver's fetch handler with a recording onEvent and onError. */
function setUp(
  onEvent: (event: DixaWebhookEvent) => unknown = () => undefined,
  options: Partial<DixaWebhookReceiverOptions> = {},
) {
  const handled: string[] = [];
  const reports: { error: unknown; answer: DixaWebhookAnswer }[] = [];
  const receiver = createDixaWebhookReceiver({ secret, ...options });
  const handler = receiver.fetchHandler(
    async (event) => {
      await onEvent(event);
      handled.push(event.event_id);
    },
    { onError: (error, answer) => reports.push({ error, answer }) },
  );
  const send = async (request: Request) => {
    const response = await handler(request);
    return { status: response.status, text: await response.text() };
  };
  return { receiver, handler, send, handled, reports };
}

describe("what the handlers answer", () => {
  const event = () => sampleDixaEvent("CONVERSATION_MESSAGE_ADDED");

  it.each([
    ["a good delivery", async () => signDixaWebhook(event(), secret), 200, "ok"],
    [
      "a tampered body",
      async () => {
        const signed = await signDixaWebhook(event(), secret);
        return { ...signed, body: signed.body.replace("Message Text", "Massage Text") };
      },
      401,
      "bad-signature",
    ],
    ["no signature", async () => ({ body: "{}", headers: {} }), 401, "missing-header"],
    [
      "a malformed signature",
      async () => ({ body: "{}", headers: { "x-dixa-signature": "v1=abc" } }),
      401,
      "malformed-header",
    ],
    [
      "a stale signature",
      async () => signDixaWebhook(event(), secret, { timestamp: Date.now() - 60 * 60_000 }),
      401,
      "stale",
    ],
    [
      "a signed body that is not JSON",
      async () => signDixaWebhook("<html>", secret),
      400,
      "not-json",
    ],
    [
      "signed JSON that is not an event",
      async () => signDixaWebhook('{"hello":"world"}', secret),
      400,
      "not-an-event",
    ],
  ])("%s: %i %s", async (_, make, status, text) => {
    const { send, handled, reports } = setUp();
    const { body, headers } = await make();
    expect(await send(post(body, headers))).toEqual({ status, text });
    expect(handled).toHaveLength(status === 200 ? 1 : 0);
    // Every refusal is reported, with the error behind it.
    expect(reports.map((r) => r.answer.status)).toEqual(status === 200 ? [] : [status]);
  });

  it("an unknown event is delivered, unless unknown events are refused (400 unknown-event)", async () => {
    const unknown = { ...event(), event_fqn: "SOMETHING_NEW" };
    const { body, headers } = await signDixaWebhook(unknown, secret);
    expect(await setUp().send(post(body, headers))).toEqual({ status: 200, text: "ok" });
    const strict = setUp(undefined, { rejectUnknownEvents: true });
    expect(await strict.send(post(body, headers))).toEqual({ status: 400, text: "unknown-event" });
  });

  it("a body over the cap: 413, asking to close the connection, onEvent not called", async () => {
    const { send, handler, handled } = setUp(undefined, { maxBodyBytes: 1000 });
    const { body, headers } = await signDixaWebhook(event(), secret);
    expect(body.length).toBeGreaterThan(1000);
    expect(await send(post(body, headers))).toEqual({ status: 413, text: "too-large" });
    expect((await handler(post(body, headers))).headers.get("connection")).toBe("close");
    expect(handled).toEqual([]);
  });

  it("a body already read (a parser ran first): 500, since the setup is wrong, not the delivery", async () => {
    const { handler, reports } = setUp();
    const { body, headers } = await signDixaWebhook(event(), secret);
    const request = post(body, headers);
    await request.text();
    expect((await handler(request)).status).toBe(500);
    expect(String(reports[0]?.error)).toMatch(/already been read/);
  });

  it("onEvent failing: 500, reported, and Dixa's redelivery is handled (the claim was released)", async () => {
    let fail = true;
    const { send, handled, reports } = setUp(() => {
      if (fail) throw new Error("the database is down");
    });
    const delivery = event();
    const first = await signDixaWebhook(delivery, secret);
    expect(await send(post(first.body, first.headers))).toEqual({
      status: 500,
      text: "onEvent failed",
    });
    expect(reports).toHaveLength(1);
    expect(String(reports[0]!.error)).toContain("the database is down");
    expect(reports[0]!.answer).toEqual({
      status: 500,
      reason: "onEvent failed",
      eventId: delivery.event_id,
      eventFqn: "CONVERSATION_MESSAGE_ADDED",
    });
    fail = false;
    const redelivery = await signDixaWebhook(delivery, secret);
    expect(await send(post(redelivery.body, redelivery.headers))).toEqual({
      status: 200,
      text: "ok",
    });
    expect(handled).toEqual([delivery.event_id]);
    // Handled now: a third copy is a duplicate.
    expect(await send(post(redelivery.body, redelivery.headers))).toEqual({
      status: 200,
      text: "duplicate",
    });
    expect(handled).toEqual([delivery.event_id]);
  });

  it("a synchronous throw in onEvent is a failure like any other, never an exception", async () => {
    const receiver = createDixaWebhookReceiver({ secret });
    const handler = receiver.fetchHandler(
      () => {
        throw new TypeError("a bug in the app");
      },
      { onError: () => undefined },
    );
    const { body, headers } = await signDixaWebhook(event(), secret);
    expect((await handler(post(body, headers))).status).toBe(500);
  });

  it("an onError hook that throws changes nothing (the answer still goes)", async () => {
    const receiver = createDixaWebhookReceiver({ secret });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const handler = receiver.fetchHandler(() => undefined, {
        onError: () => {
          throw new Error("the logger is broken");
        },
      });
      expect((await handler(post("{}", {}))).status).toBe(401);
    } finally {
      console.error = original;
    }
    expect(String(logged[0])).toContain("the onError hook threw");
  });

  it("the default onError logs one line, without the body", async () => {
    const handler = createDixaWebhookReceiver({ secret }).fetchHandler(() => undefined);
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const { body, headers } = await signDixaWebhook(event(), secret);
      await handler(post(body.replace("Message Text", "Tampered"), headers));
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect(String(logged[0]![0])).toMatch(/^dixa-beta\/webhooks: answered 401 bad-signature: /);
    expect(String(logged[0])).not.toContain("Tampered");
  });
});

describe("the de-duplication protocol behind the handlers", () => {
  it("concurrent copies at one receiver: one runs onEvent, the others wait and answer as it did", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { send, handled } = setUp(() => gate);
    const delivery = sampleDixaEvent("CONVERSATION_CREATED");
    const copies = await Promise.all(
      Array.from({ length: 5 }, () => signDixaWebhook(delivery, secret)),
    );
    const answers = Promise.all(copies.map(({ body, headers }) => send(post(body, headers))));
    release();
    const settled = await answers;
    expect(handled).toEqual([delivery.event_id]);
    expect(settled.filter((a) => a.text === "ok")).toHaveLength(1);
    expect(settled.filter((a) => a.text === "duplicate")).toHaveLength(4);
    expect(settled.every((a) => a.status === 200)).toBe(true);
  });

  it("concurrent copies of an event whose onEvent fails: all 500, and none is marked seen", async () => {
    let calls = 0;
    let fail = true;
    const { send, handled } = setUp(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error("down");
    });
    const delivery = sampleDixaEvent("CONVERSATION_CREATED");
    const copies = await Promise.all(
      Array.from({ length: 3 }, () => signDixaWebhook(delivery, secret)),
    );
    const answers = await Promise.all(copies.map(({ body, headers }) => send(post(body, headers))));
    expect(answers.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(calls).toBe(1);
    fail = false;
    expect((await send(post(copies[0]!.body, copies[0]!.headers))).text).toBe("ok");
    expect(handled).toEqual([delivery.event_id]);
  });

  it("two receivers sharing a store: a copy claimed by the other is 503 (retry), then a duplicate", async () => {
    const store = createMemoryDedupeStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const aIsHandling = new Promise<void>((resolve) => (entered = resolve));
    const a = setUp(
      () => {
        entered();
        return gate;
      },
      { dedupeStore: store },
    );
    const b = setUp(() => undefined, { dedupeStore: store });
    const delivery = sampleDixaEvent("CONVERSATION_CREATED");
    const copy = await signDixaWebhook(delivery, secret);
    const first = a.send(post(copy.body, copy.headers));
    await aIsHandling;
    const response = await b.handler(post(copy.body, copy.headers));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.text()).toBe("being handled by another receiver");
    release();
    expect(await first).toEqual({ status: 200, text: "ok" });
    expect(await b.send(post(copy.body, copy.headers))).toEqual({ status: 200, text: "duplicate" });
    expect([...a.handled, ...b.handled]).toEqual([delivery.event_id]);
  });

  it("claims for the lease, completes for the time to live, and a lapsed claim is handled again", async () => {
    let now = 1_000_000;
    const store = createMemoryDedupeStore({ now: () => now });
    const calls: string[] = [];
    const spy: DixaWebhookDedupeStore = {
      seen: (id, ttl) => store.seen(id, ttl),
      claim: (id, lease) => (calls.push(`claim ${lease}`), store.claim(id, lease)),
      complete: (id, ttl) => (calls.push(`complete ${ttl}`), store.complete(id, ttl)),
      forget: (id) => (calls.push("forget"), store.forget(id)),
    };
    const { send } = setUp(() => undefined, {
      dedupeStore: spy,
      dedupeLeaseMs: 60_000,
      dedupeTtlMs: 3_600_000,
    });
    const copy = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
    expect((await send(post(copy.body, copy.headers))).text).toBe("ok");
    expect(calls).toEqual(["claim 60000", "complete 3600000"]);
    // A process that died after claiming leaves only the lease: until it lapses a redelivery
    // is asked to come back (503), after it the event is handled.
    const orphan = sampleDixaEvent("CONVERSATION_CREATED");
    expect(store.claim(orphan.event_id, 60_000)).toBe("claimed");
    const redelivery = await signDixaWebhook(orphan, secret);
    expect((await send(post(redelivery.body, redelivery.headers))).status).toBe(503);
    now += 60_001;
    expect((await send(post(redelivery.body, redelivery.headers))).text).toBe("ok");
  });

  it("a store without claim is claimed with seen for the whole time to live", async () => {
    const seen: [string, number][] = [];
    const ids = new Set<string>();
    const store: DixaWebhookDedupeStore = {
      seen: (id, ttl) => (seen.push([id, ttl]), ids.has(id) || (ids.add(id), false)),
      forget: (id) => void ids.delete(id),
    };
    const { send } = setUp(() => undefined, { dedupeStore: store, dedupeTtlMs: 90_000 });
    const copy = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
    expect((await send(post(copy.body, copy.headers))).text).toBe("ok");
    expect((await send(post(copy.body, copy.headers))).text).toBe("duplicate");
    expect(seen.map(([, ttl]) => ttl)).toEqual([90_000, 90_000]);
  });

  it("a store that fails: 503 with Retry-After, reported; onEvent not called", async () => {
    const broken: DixaWebhookDedupeStore = {
      seen: () => Promise.reject(new Error("ECONNREFUSED")),
      forget: () => undefined,
    };
    const { send, handled, reports } = setUp(() => undefined, { dedupeStore: broken });
    const copy = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
    expect(await send(post(copy.body, copy.headers))).toEqual({
      status: 503,
      text: "de-duplication store unavailable",
    });
    expect(handled).toEqual([]);
    expect(String(reports[0]?.error)).toContain("ECONNREFUSED");
  });

  it("a failure to release or complete a claim is reported, and the answer stands", async () => {
    const store = createMemoryDedupeStore();
    const failing: DixaWebhookDedupeStore = {
      seen: (id, ttl) => store.seen(id, ttl),
      claim: (id, lease) => store.claim(id, lease),
      complete: () => Promise.reject(new Error("complete failed")),
      forget: () => Promise.reject(new Error("forget failed")),
    };
    let fail = false;
    const { send, reports } = setUp(
      () => {
        if (fail) throw new Error("handler failed");
      },
      { dedupeStore: failing },
    );
    const ok = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
    expect((await send(post(ok.body, ok.headers))).status).toBe(200);
    fail = true;
    const bad = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
    expect((await send(post(bad.body, bad.headers))).status).toBe(500);
    expect(reports.map((r) => [r.answer.reason, String(r.error)])).toEqual([
      ["the claim could not be completed", "Error: complete failed"],
      ["onEvent failed", "Error: handler failed"],
      ["the claim could not be released", "Error: forget failed"],
    ]);
  });

  it("refuses at setup what cannot work: no onEvent, a store without forget", () => {
    const receiver = createDixaWebhookReceiver({ secret });
    expect(() => receiver.fetchHandler(undefined as never)).toThrow(/onEvent must be a function/);
    const withoutForget = createDixaWebhookReceiver({
      secret,
      dedupeStore: { seen: () => false },
    });
    expect(() => withoutForget.nodeHandler(() => undefined)).toThrow(/forget\(id\)/);
    expect(() => createDixaWebhookReceiver({ secret, dedupeLeaseMs: 0 })).toThrow(
      /dedupeLeaseMs must be a positive number/,
    );
  });
});

// --- The Node handler over loopback ---------------------------------------------------------

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("the Node handler on node:http", () => {
  it("answers as the Fetch handler does: handled, duplicate, refused, too large", async () => {
    const handled: string[] = [];
    const receiver = createDixaWebhookReceiver({ secret, maxBodyBytes: 64 * 1024 });
    const url = await listen(
      receiver.nodeHandler((event) => void handled.push(event.event_id), {
        onError: () => undefined,
      }),
    );
    const delivery = sampleDixaEvent("CONVERSATION_NOTE_ADDED");
    const { body, headers } = await signDixaWebhook(delivery, secret);
    const send = async (text: string, sent: Record<string, string>) => {
      const response = await fetch(url, { method: "POST", body: text, headers: sent });
      return [response.status, await response.text()];
    };
    expect(await send(body, headers)).toEqual([200, "ok"]);
    expect(await send(body, headers)).toEqual([200, "duplicate"]);
    expect(await send(body.replace("Some Note", "Some Nate"), headers)).toEqual([
      401,
      "bad-signature",
    ]);
    expect(await send("x".repeat(100_000), headers)).toEqual([413, "too-large"]);
    expect(handled).toEqual([delivery.event_id]);
  });

  it("an IncomingMessage a JSON parser already read: 500 and a report saying what to do", async () => {
    const reports: unknown[] = [];
    const handler = createDixaWebhookReceiver({ secret }).nodeHandler(() => undefined, {
      onError: (error) => reports.push(error),
    });
    const url = await listen(async (request, response) => {
      let text = "";
      for await (const chunk of request) text += String(chunk);
      Object.assign(request, { body: JSON.parse(text) as unknown });
      handler(request, response);
    });
    const { body, headers } = await signDixaWebhook(
      sampleDixaEvent("CONVERSATION_CREATED"),
      secret,
    );
    expect((await fetch(url, { method: "POST", body, headers })).status).toBe(500);
    expect(String(reports[0])).toMatch(/express\.json\(\).*receiver\.nodeHandler\(\)/s);
  });
});
