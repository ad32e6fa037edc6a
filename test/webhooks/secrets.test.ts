/**
 * The webhook secret never shows up in an error, a message, the receiver object or what it
 * returns, in any encoding: hex (either case, or a long piece of it), base64, base64url, the raw
 * key bytes as text.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  constructDixaEvent,
  createDixaWebhookReceiver,
  createMemoryDedupeStore,
  sampleDixaEvent,
  signDixaWebhook,
} from "../../src/webhooks/index.js";

const secret = "9c4e2a7b1d8f3e6a0b5c9d2e7f1a4b8c3d6e9f0a2b5c8d1e4f7a0b3c6d9e2f5a";
const keyBytes = Buffer.from(secret, "hex");
const encodings = [
  secret,
  secret.toUpperCase(),
  secret.slice(0, 16),
  secret.slice(-16),
  keyBytes.toString("base64"),
  keyBytes.toString("base64url"),
  keyBytes.toString("latin1"),
  Buffer.from(secret, "utf8").toString("base64"),
];

function renderings(value: unknown): string {
  const error = value as Error & { cause?: unknown };
  return [
    String(value),
    error?.stack ?? "",
    error?.cause === undefined ? "" : renderings(error.cause),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 20, showHidden: true, getters: true }),
  ].join("\n");
}

function expectNoSecret(value: unknown) {
  const text = renderings(value);
  for (const encoding of encodings) expect(text).not.toContain(encoding);
}

describe("the webhook secret never leaks", () => {
  it("(the check itself catches a leak in any of the encodings)", () => {
    for (const encoding of encodings) {
      expect(() => expectNoSecret(new Error(`oops ${encoding}`))).toThrow();
    }
    expect(() => expectNoSecret({ nested: { key: keyBytes.toString("base64") } })).toThrow();
  });

  it("from the receiver object, before and after use", async () => {
    const receiver = createDixaWebhookReceiver({
      secret,
      dedupeStore: createMemoryDedupeStore(),
    });
    expectNoSecret(receiver);
    const { body, headers } = await signDixaWebhook(
      sampleDixaEvent("CONVERSATION_CREATED"),
      secret,
    );
    const event = await receiver.constructEvent(body, headers);
    expectNoSecret(receiver);
    expectNoSecret(event);
    expectNoSecret({ body, headers });
  });

  it("from every kind of verification failure", async () => {
    const { body, headers } = await signDixaWebhook(
      sampleDixaEvent("CONVERSATION_CREATED"),
      secret,
    );
    const failures: unknown[] = [];
    const attempt = (p: Promise<unknown>) =>
      p.then(
        () => failures.push("resolved?"),
        (e: unknown) => failures.push(e),
      );
    await attempt(constructDixaEvent(`${body} `, headers, secret));
    await attempt(constructDixaEvent(body, {}, secret));
    await attempt(constructDixaEvent(body, { "x-dixa-signature": "t=1,v1=zz" }, secret));
    await attempt(constructDixaEvent(body, headers, secret, { receivedAt: 0 }));
    const notJson = await signDixaWebhook("not json", secret);
    await attempt(constructDixaEvent(notJson.body, notJson.headers, secret));
    expect(failures).toHaveLength(5);
    expect(failures.every((f) => f instanceof Error)).toBe(true);
    for (const failure of failures) expectNoSecret(failure);
  });

  it("from the TypeError for a secret that is almost right", async () => {
    for (const wrong of [
      secret.slice(1),
      `${secret.slice(0, 20)}\n${secret.slice(20)}`,
      `${secret.slice(0, -1)}g`,
      ` ${secret.slice(1)}`,
    ]) {
      let thrown: unknown;
      try {
        createDixaWebhookReceiver({ secret: wrong });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expectNoSecret(thrown);
      const rejected = await constructDixaEvent("{}", {}, wrong).catch((e: unknown) => e);
      expect(rejected).toBeInstanceOf(TypeError);
      expectNoSecret(rejected);
    }
  });
});
