import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import {
  DixaWebhookPayloadError,
  computeDixaSignature,
  constructDixaEvent,
  createDixaTestEvent,
  createDixaWebhookReceiver,
  isDixaEvent,
  isKnownDixaEvent,
  sampleDixaEvent,
  signDixaWebhook,
} from "../../src/webhooks/index.js";
import { rejectionOf } from "./rejection.js";
import { vector } from "./vector.js";

const secret = vector.secret;
const sharedSamples = join(projectRoot, "..", "shared", "dixa-webhooks", "samples");

async function deliver(body: string, options = {}) {
  const timestamp = Date.now();
  const v1 = await computeDixaSignature(body, secret, timestamp);
  return constructDixaEvent(
    body,
    { "x-dixa-signature": `t=${timestamp},v1=${v1}` },
    secret,
    options,
  );
}

describe("constructDixaEvent turns a verified delivery into a typed event", () => {
  it("returns the envelope and data exactly as sent", async () => {
    const sample = sampleDixaEvent("CONVERSATION_MESSAGE_ADDED");
    const { body, headers } = await signDixaWebhook(sample, secret);
    const event = await constructDixaEvent(body, headers, secret);
    expect(event).toEqual(sample);
    expect(isKnownDixaEvent(event)).toBe(true);
    if (!isKnownDixaEvent(event)) throw new Error("unreachable");
    switch (event.event_fqn) {
      case "CONVERSATION_MESSAGE_ADDED":
        expect(event.data.author.user_type).toBe("Member");
        expect(event.data.content.text).toBe("Message Text");
        expect(event.data.conversation.csid).toBe(2);
        break;
      default:
        throw new Error(`narrowed to the wrong event: ${event.event_fqn}`);
    }
  });

  it("isDixaEvent narrows by either name", async () => {
    const sample = sampleDixaEvent("CONVERSATION_RATED");
    const { body, headers } = await signDixaWebhook(sample, secret);
    const event = await constructDixaEvent(body, headers, secret);
    expect(isDixaEvent(event, "ConversationRated")).toBe(true);
    expect(isDixaEvent(event, "CONVERSATION_RATED")).toBe(true);
    expect(isDixaEvent(event, "ConversationClosed")).toBe(false);
    if (isDixaEvent(event, "ConversationRated")) {
      expect(event.data.conversation.score ?? event.data.score).toBe(4);
      expect(event.data.comment).toBe("Best customer service ever!");
    }
    expect(() => isDixaEvent(event, "NoSuchEvent" as never)).toThrow(TypeError);
  });

  it("passes an unknown event_fqn through as an unknown event, by default", async () => {
    const unknown = {
      ...createDixaTestEvent("CONVERSATION_CLOSED", sampleDixaEvent("CONVERSATION_CREATED").data),
      event_fqn: "CONVERSATION_SOMETHING_NEW",
    };
    const { body, headers } = await signDixaWebhook(unknown, secret);
    const event = await constructDixaEvent(body, headers, secret);
    expect(event.event_fqn).toBe("CONVERSATION_SOMETHING_NEW");
    expect(isKnownDixaEvent(event)).toBe(false);
    expect(event.data).toEqual(unknown.data);
  });

  it("refuses an unknown event_fqn when asked to (unknown-event)", async () => {
    const unknown = {
      ...sampleDixaEvent("CONVERSATION_CREATED"),
      event_fqn: "CONVERSATION_ENDUSER_REPLACED",
    };
    const { body, headers } = await signDixaWebhook(unknown, secret);
    const error = await rejectionOf<DixaWebhookPayloadError>(
      constructDixaEvent(body, headers, secret, {
        rejectUnknownEvents: true,
      }),
    );
    expect(error).toBeInstanceOf(DixaWebhookPayloadError);
    expect(error.kind).toBe("unknown-event");
    expect(error.message).toContain('"CONVERSATION_ENDUSER_REPLACED"');
    // A known one still passes in strict mode, and through a strict receiver.
    const known = await signDixaWebhook(sampleDixaEvent("CONVERSATION_PENDING"), secret);
    await expect(
      constructDixaEvent(known.body, known.headers, secret, { rejectUnknownEvents: true }),
    ).resolves.toMatchObject({ event_fqn: "CONVERSATION_PENDING" });
    const strict = createDixaWebhookReceiver({ secret, rejectUnknownEvents: true });
    await expect(strict.constructEvent(body, headers)).rejects.toMatchObject({
      kind: "unknown-event",
    });
  });

  it("a signed body that is not JSON is not-json (the signature is checked first)", async () => {
    for (const body of ["", "not json", "{", '{"a":1} trailing']) {
      await expect(deliver(body)).rejects.toMatchObject({
        name: "DixaWebhookPayloadError",
        kind: "not-json",
      });
    }
  });

  it("signed bytes that are not UTF-8 are not-json", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"a":"\xff"}
    const timestamp = Date.now();
    const v1 = await computeDixaSignature(bytes, secret, timestamp);
    await expect(
      constructDixaEvent(bytes, { "x-dixa-signature": `t=${timestamp},v1=${v1}` }, secret),
    ).rejects.toMatchObject({ kind: "not-json" });
  });

  it.each([
    ["an array", "[]", /it is an array/],
    ["a string", '"CONVERSATION_CREATED"', /it is string/],
    ["null", "null", /it is null/],
    [
      "no event_id",
      JSON.stringify({ ...sampleDixaEvent("CONVERSATION_CREATED"), event_id: undefined }),
      /event_id is missing/,
    ],
    [
      "an empty event_id",
      JSON.stringify({ ...sampleDixaEvent("CONVERSATION_CREATED"), event_id: "" }),
      /event_id is not a non-empty string/,
    ],
    [
      "no event_fqn",
      JSON.stringify({ ...sampleDixaEvent("CONVERSATION_CREATED"), event_fqn: undefined }),
      /event_fqn is missing/,
    ],
    [
      "a numeric event_fqn",
      JSON.stringify({ ...sampleDixaEvent("CONVERSATION_CREATED"), event_fqn: 7 }),
      /event_fqn is not a non-empty string/,
    ],
  ])("signed JSON that is not an envelope is not-an-event: %s", async (_, body, reason) => {
    const error = await rejectionOf<DixaWebhookPayloadError>(deliver(body));
    expect(error).toBeInstanceOf(DixaWebhookPayloadError);
    expect(error.kind).toBe("not-an-event");
    expect(error.message).toMatch(reason);
  });

  it("delivers Dixa's own sample service's delivery, which has no organization (alt sample)", async () => {
    const file = join(sharedSamples, "alt", "CONVERSATION_RATED.dixa-voyado-readme.json");
    const body = await readFile(file, "utf8");
    const event = await deliver(body);
    expect(event).toEqual(JSON.parse(body));
    expect(event.organization).toBeUndefined();
    expect(isDixaEvent(event, "ConversationRated")).toBe(true);
    if (isDixaEvent(event, "ConversationRated")) {
      expect(event.data.score).toBe(4);
      expect(event.data.comment).toBe("Good service today!");
    }
    // And through the receiver's ready handler: answered 200, handled once.
    const handled: string[] = [];
    const handler = createDixaWebhookReceiver({ secret }).fetchHandler((e) => {
      handled.push(e.event_id);
    });
    const { headers } = await signDixaWebhook(body, secret);
    const answer = await handler(new Request("http://x/", { method: "POST", body, headers }));
    expect(answer.status).toBe(200);
    expect(handled).toEqual(["e578c093-3cd7-47c5-8b1d-cb6115827b94"]);
  });

  it.each([
    ["no organization", { organization: undefined }],
    [
      "no event_version or event_timestamp",
      { event_version: undefined, event_timestamp: undefined },
    ],
    ["a numeric event_version (only event_id and event_fqn are checked)", { event_version: 1 }],
  ])("a verified delivery with %s is delivered as it came", async (_, change) => {
    const sample = { ...sampleDixaEvent("CONVERSATION_CREATED"), ...change };
    const body = JSON.stringify(sample);
    const event = await deliver(body);
    expect(event).toEqual(JSON.parse(body));
    expect(isKnownDixaEvent(event)).toBe(true);
  });

  it.each([
    ["no data", undefined],
    ["data as an array", []],
    ["data as null", null],
    ["data as a string", "x"],
  ])(
    "a known event_fqn with %s is delivered as an unknown event (refused in strict mode)",
    async (_, data) => {
      const body = JSON.stringify({ ...sampleDixaEvent("CONVERSATION_CREATED"), data });
      const event = await deliver(body);
      expect(event).toEqual(JSON.parse(body));
      expect(isKnownDixaEvent(event)).toBe(false);
      expect(isDixaEvent(event, "ConversationCreated")).toBe(false);
      const error = await rejectionOf<DixaWebhookPayloadError>(
        deliver(body, { rejectUnknownEvents: true }),
      );
      expect(error.kind).toBe("unknown-event");
      expect(error.message).toMatch(/its data is (missing|an array|null|string), not an object/);
    },
  );

  it("extra envelope keys and unexpected data fields pass through untouched", async () => {
    const event = { ...sampleDixaEvent("CONVERSATION_CREATED"), extra: { a: 1 } };
    event.data.conversation.tags.push({ id: "t", name: "VIP", is_deactivated: false });
    const { body, headers } = await signDixaWebhook(event, secret);
    await expect(constructDixaEvent(body, headers, secret)).resolves.toEqual(event);
  });

  it("a __proto__ key in the payload stays a plain key (no prototype change)", async () => {
    const body = `{"event_id":"e","event_fqn":"X_Y","event_version":"1","event_timestamp":"t","organization":{},"data":{"__proto__":{"polluted":true}}}`;
    const event = await deliver(body);
    expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.keys(event.data ?? {})).toEqual(["__proto__"]);
  });
});
