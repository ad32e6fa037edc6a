import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import {
  createDixaTestEvent,
  dixaSamples,
  sampleDixaEvent,
  signDixaWebhook,
  constructDixaEvent,
  createDixaWebhookReceiver,
} from "../../src/webhooks/index.js";

const sharedSamples = join(projectRoot, "..", "shared", "dixa-webhooks", "samples");

describe("the sample events", () => {
  it("are the shared sample files, value for value (and every shared file with an envelope is here)", async () => {
    for (const sample of dixaSamples) {
      const file = JSON.parse(await readFile(join(sharedSamples, sample.file), "utf8")) as unknown;
      expect(sample.event, sample.file).toEqual(file);
    }
    expect(dixaSamples.map((s) => s.file).sort()).toEqual([
      "CONVERSATION_CREATED.json",
      "CONVERSATION_MESSAGE_ADDED.json",
      "CONVERSATION_NOTE_ADDED.json",
      "CONVERSATION_PENDING.json",
      "CONVERSATION_RATED.json",
      "CONVERSATION_TAG_ADDED.json",
      "alt/CONVERSATION_MESSAGE_ADDED.whoppah-dirq-fixture.json",
      "alt/CONVERSATION_NOTE_ADDED.openapi-beta-example-2.json",
    ]);
  });

  it("sampleDixaEvent gives a fresh event_id each time, unless one is given", () => {
    const a = sampleDixaEvent("CONVERSATION_CREATED");
    const b = sampleDixaEvent("CONVERSATION_CREATED");
    expect(a.event_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(b.event_id).not.toBe(a.event_id);
    const { event_id: _a, ...restA } = a;
    const { event_id: _b, ...restB } = b;
    expect(restA).toEqual(restB);
    // Everything else, key order included, is the sample's.
    expect(Object.keys(a)).toEqual(Object.keys(dixaSamples[0]!.event));
    const fixed = sampleDixaEvent("CONVERSATION_CREATED", { event_id: "e-1", event_version: "2" });
    expect(fixed).toMatchObject({ event_id: "e-1", event_version: "2" });
    expect(sampleDixaEvent("CONVERSATION_CREATED", { event_id: undefined }).event_id).toMatch(/-/);
  });

  it("two samples posted to a live receiver are two events, not a duplicate", async () => {
    const secret = "ab".repeat(32);
    const handled: string[] = [];
    const handler = createDixaWebhookReceiver({ secret }).fetchHandler((event) => {
      handled.push(event.event_id);
    });
    for (let i = 0; i < 2; i++) {
      const { body, headers } = await signDixaWebhook(
        sampleDixaEvent("CONVERSATION_PENDING"),
        secret,
      );
      const answer = await handler(new Request("http://x/", { method: "POST", body, headers }));
      expect(await answer.text()).toBe("ok");
    }
    expect(new Set(handled).size).toBe(2);
  });

  it("sampleDixaEvent gives a fresh copy of the main sample each time", () => {
    const a = sampleDixaEvent("CONVERSATION_TAG_ADDED");
    a.data.tag = "changed";
    const b = sampleDixaEvent("CONVERSATION_TAG_ADDED");
    expect(b.data.tag).toBe("Tag Name");
    expect(b.event_fqn).toBe("CONVERSATION_TAG_ADDED");
    expect(() => sampleDixaEvent("CONVERSATION_CLOSED" as never)).toThrow(
      /one of the events with a sample/,
    );
  });

  it("signed and received, each sample comes back equal", async () => {
    for (const { event } of dixaSamples) {
      const { body, headers } = await signDixaWebhook(event, "ab".repeat(32));
      await expect(constructDixaEvent(body, headers, "ab".repeat(32))).resolves.toEqual(event);
    }
  });
});

describe("createDixaTestEvent", () => {
  it("builds an envelope in Dixa's key order around the given data", () => {
    const conversation = sampleDixaEvent("CONVERSATION_CREATED").data.conversation;
    const event = createDixaTestEvent("CONVERSATION_CLOSED", { conversation });
    expect(Object.keys(event)).toEqual([
      "event_id",
      "event_fqn",
      "event_version",
      "event_timestamp",
      "organization",
      "data",
    ]);
    expect(event.event_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.event_version).toBe("1");
    expect(Date.parse(event.event_timestamp!)).not.toBeNaN();
    expect(event.data.conversation).toBe(conversation);
    expect(createDixaTestEvent("TYPING_STARTED", {}).event_id).not.toBe(event.event_id);
    const fixed = createDixaTestEvent("AGENT_BANNED_IP", { ip: "192.0.2.1" }, { event_id: "e-1" });
    expect(fixed.event_id).toBe("e-1");
    expect(() => createDixaTestEvent("CONVERSATION_CLOSED", null as never)).toThrow(TypeError);
  });
});

describe("signDixaWebhook", () => {
  const secret = "cd".repeat(32);
  it("signs a string or UTF-8 bytes as they are, with a subscription id header when given", async () => {
    const text = '{"compact":true}';
    const fromText = await signDixaWebhook(text, secret, { timestamp: 1, subscriptionId: "sub-1" });
    expect(fromText.body).toBe(text);
    expect(fromText.headers["X-DIXA-SUBSCRIPTION-ID"]).toBe("sub-1");
    const fromBytes = await signDixaWebhook(new TextEncoder().encode(text), secret, {
      timestamp: new Date(1),
    });
    expect(fromBytes).toEqual({
      body: text,
      headers: { ...fromText.headers, "X-DIXA-SUBSCRIPTION-ID": undefined },
    });
  });

  it("refuses bytes that are not UTF-8 and timestamps that are not whole milliseconds", async () => {
    await expect(signDixaWebhook(new Uint8Array([0xff]), secret)).rejects.toThrow(/UTF-8/);
    for (const timestamp of [1.5, -1, Number.NaN, new Date("x")]) {
      await expect(signDixaWebhook({}, secret, { timestamp })).rejects.toThrow(/timestamp/);
    }
  });
});
