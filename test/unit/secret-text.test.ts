/**
 * One rule for the secrets users paste in, the API token and a webhook secretKey: surrounding
 * whitespace trimmed; what the carrier (a header, hex) cannot carry refused with a TypeError
 * that names the option and never shows the value, through the client and the webhooks entry.
 */
import { describe, expect, it } from "vitest";
import { createDixaClient } from "../../src/index.js";
import { secretText } from "../../src/shared/secret-text.js";
import { createDixaWebhookReceiver } from "../../src/webhooks/index.js";

const token = "tok_9f8e7d6c5b4a";
const hexSecret = "9c4e2a7b1d8f3e6a0b5c9d2e7f1a4b8c3d6e9f0a2b5c8d1e4f7a0b3c6d9e2f5a";

function thrown(run: () => unknown): TypeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return error as TypeError;
  }
  throw new Error("expected a TypeError");
}

describe("the secret rule", () => {
  it.each([
    ["a trailing newline", "\n"],
    ["CR LF", "\r\n"],
    ["spaces and a tab", " \t "],
  ])("trims %s around either secret", (_, pad) => {
    expect(secretText(`${token}${pad}`, "apiKey", "header")).toBe(token);
    expect(secretText(`${pad}${hexSecret}${pad}`, "secret", "hex")).toBe(hexSecret);
  });

  it.each([
    ["header", `${token}\nX-Injected: 1`, /holds a character an HTTP header cannot carry/],
    ["header", `${token}\u0000`, /holds a character an HTTP header cannot carry/],
    ["header", `${token}\u2028x`, /holds a character an HTTP header cannot carry/],
    ["hex", `${hexSecret.slice(0, 10)} ${hexSecret.slice(10)}`, /whitespace between/],
    ["hex", hexSecret.slice(1), /length is odd/],
    ["hex", `${hexSecret.slice(2)}zz`, /not 0-9 or a-f/],
    ["hex", "   ", /it is empty/],
  ] as const)(
    "refuses for a %s what it cannot carry, naming the option only",
    (carrier, value, why) => {
      const error = thrown(() => secretText(value, "the option", carrier));
      expect(error.message).toMatch(/^the option /);
      expect(error.message).toMatch(why);
      expect(error.message).toContain(`a string of ${value.length} characters`);
      for (const piece of [token, hexSecret.slice(0, 8), hexSecret.slice(-8), "X-Injected"]) {
        expect(error.message).not.toContain(piece);
      }
    },
  );

  it("is the rule of the client's apiKey and of the receiver's secret", () => {
    // Both trim the same mistake...
    expect(() => createDixaClient({ apiKey: `${token}\n` })).not.toThrow();
    expect(() => createDixaWebhookReceiver({ secret: `${hexSecret}\n` })).not.toThrow();
    // ...and refuse in the same words, without the value.
    const client = thrown(() => createDixaClient({ apiKey: `${token}\u0007x` }));
    expect(client.message).toMatch(/^createDixaClient: `apiKey` holds a character/);
    const receiver = thrown(() => createDixaWebhookReceiver({ secret: `${hexSecret}\u0007` }));
    expect(receiver.message).toMatch(/^options\.secret \(the webhook subscription's secretKey\)/);
    expect(`${client.message}${receiver.message}`).not.toContain(token);
    expect(receiver.message).not.toContain(hexSecret.slice(0, 8));
    expect(thrown(() => secretText(42, "apiKey", "header")).message).toBe(
      "apiKey must be a string, got number",
    );
  });
});
