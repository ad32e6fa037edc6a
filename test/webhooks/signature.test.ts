import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TOLERANCE_MS,
  DixaWebhookPayloadError,
  DixaWebhookSignatureError,
  computeDixaSignature,
  constructDixaEvent,
  createDixaWebhookReceiver,
  signDixaWebhook,
  type DixaWebhookSignatureErrorKind,
} from "../../src/webhooks/index.js";
import { rejectionOf } from "./rejection.js";
import { header, vector } from "./vector.js";

// The vector's body is not a full envelope; these tests are about the signature only, so a
// failure after the signature held is a payload error, and "valid" means "not a signature error".
const atT = { receivedAt: vector.tMs };

async function signatureErrorOf(
  promise: Promise<unknown>,
): Promise<DixaWebhookSignatureErrorKind | "none"> {
  try {
    await promise;
    return "none";
  } catch (error) {
    if (error instanceof DixaWebhookSignatureError) return error.kind;
    // The signature held and the payload was looked at: for these tests, that is a pass.
    if (error instanceof DixaWebhookPayloadError) return "none";
    throw error;
  }
}

describe("the known-answer vector (README §3)", () => {
  it("our HMAC gives the published v1", async () => {
    expect(await computeDixaSignature(vector.body, vector.secret, vector.tMs)).toBe(vector.v1);
    // And node:crypto agrees, computed independently here.
    const key = Buffer.from(vector.secret, "hex");
    expect(createHmac("sha256", key).update(`${vector.t}.${vector.body}`).digest("hex")).toBe(
      vector.v1,
    );
  });

  it("signDixaWebhook reproduces the body (97 bytes) and the header byte for byte", async () => {
    const signed = await signDixaWebhook(
      { event_id: "00000000-0000-4000-8000-000000000000", event_fqn: "CONVERSATION_CREATED" },
      vector.secret,
      { timestamp: vector.tMs },
    );
    expect(signed.body).toBe(vector.body);
    expect(new TextEncoder().encode(signed.body).length).toBe(97);
    expect(signed.headers).toEqual({
      "Content-Type": "application/json",
      "X-DIXA-SIGNATURE": `t=${vector.t},v1=${vector.v1}`,
    });
  });

  it("verifies and delivers it: the vector has only event_id and event_fqn, all this package needs", async () => {
    const expected = JSON.parse(vector.body) as unknown;
    await expect(
      constructDixaEvent(vector.body, header(vector.v1), vector.secret, atT),
    ).resolves.toEqual(expected);
    // Bytes verify the same as text.
    const bytes = new TextEncoder().encode(vector.body);
    await expect(constructDixaEvent(bytes, header(vector.v1), vector.secret, atT)).resolves.toEqual(
      expected,
    );
    await expect(
      constructDixaEvent(bytes.buffer, header(vector.v1), vector.secret, atT),
    ).resolves.toEqual(expected);
  });

  it.each([
    ["the secret used as UTF-8 text", vector.wrong.secretAsUtf8Text],
    ["the body signed without the t. prefix", vector.wrong.bodyWithoutT],
    ["the body re-serialised as compact JSON", vector.wrong.bodyReserialisedCompact],
  ])("refuses the wrong variant: %s", async (_, wrongV1) => {
    expect(
      await signatureErrorOf(constructDixaEvent(vector.body, header(wrongV1), vector.secret, atT)),
    ).toBe("bad-signature");
  });

  it("the wrong variants are what the README says they are (so refusing them means something)", () => {
    const utf8Key = createHmac("sha256", Buffer.from(vector.secret, "utf8"));
    expect(utf8Key.update(`${vector.t}.${vector.body}`).digest("hex")).toBe(
      vector.wrong.secretAsUtf8Text,
    );
    const hexKey = () => createHmac("sha256", Buffer.from(vector.secret, "hex"));
    expect(hexKey().update(vector.body).digest("hex")).toBe(vector.wrong.bodyWithoutT);
    const compact = JSON.stringify(JSON.parse(vector.body));
    expect(hexKey().update(`${vector.t}.${compact}`).digest("hex")).toBe(
      vector.wrong.bodyReserialisedCompact,
    );
  });

  it("a re-serialised body does not verify against the genuine signature", async () => {
    const compact = JSON.stringify(JSON.parse(vector.body));
    expect(
      await signatureErrorOf(constructDixaEvent(compact, header(vector.v1), vector.secret, atT)),
    ).toBe("bad-signature");
  });
});

describe("tampering", () => {
  it("one changed byte of the body fails", async () => {
    const tampered = vector.body.replace("CREATED", "CREATEE");
    expect(
      await signatureErrorOf(constructDixaEvent(tampered, header(vector.v1), vector.secret, atT)),
    ).toBe("bad-signature");
    const bytes = new TextEncoder().encode(vector.body);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    expect(
      await signatureErrorOf(constructDixaEvent(bytes, header(vector.v1), vector.secret, atT)),
    ).toBe("bad-signature");
    const appended = `${vector.body}\n`;
    expect(
      await signatureErrorOf(constructDixaEvent(appended, header(vector.v1), vector.secret, atT)),
    ).toBe("bad-signature");
  });

  it("a changed t fails, even by 1 ms or by a leading zero (t is signed as text)", async () => {
    for (const t of ["1748264463124", "01748264463123", "1748264463122"]) {
      const outcome = constructDixaEvent(vector.body, header(vector.v1, t), vector.secret, atT);
      expect(await signatureErrorOf(outcome)).toBe("bad-signature");
    }
  });

  it("another secret fails", async () => {
    const other = vector.secret.replace(/^00/, "01");
    expect(
      await signatureErrorOf(constructDixaEvent(vector.body, header(vector.v1), other, atT)),
    ).toBe("bad-signature");
  });

  it("a flipped bit in any position of v1 fails", async () => {
    for (const position of [0, 31, 63]) {
      const digit = vector.v1[position]!;
      const flipped = (Number.parseInt(digit, 16) ^ 1).toString(16);
      const v1 = vector.v1.slice(0, position) + flipped + vector.v1.slice(position + 1);
      expect(
        await signatureErrorOf(constructDixaEvent(vector.body, header(v1), vector.secret, atT)),
      ).toBe("bad-signature");
    }
  });
});

describe("freshness of t", () => {
  const at = (offsetMs: number, toleranceMs?: number) =>
    signatureErrorOf(
      constructDixaEvent(vector.body, header(vector.v1), vector.secret, {
        receivedAt: vector.tMs + offsetMs,
        ...(toleranceMs === undefined ? {} : { toleranceMs }),
      }),
    );

  it("accepts, by default, the 37.5 s from t to receipt seen on a real delivery", async () => {
    expect(DEFAULT_TOLERANCE_MS).toBe(300_000);
    expect(await at(169)).toBe("none");
    expect(await at(37_455)).toBe("none");
    expect(await at(DEFAULT_TOLERANCE_MS)).toBe("none");
  });

  it("refuses a t older than the window as stale", async () => {
    expect(await at(DEFAULT_TOLERANCE_MS + 1)).toBe("stale");
    expect(await at(24 * 3_600_000)).toBe("stale");
    expect(await at(10_001, 10_000)).toBe("stale");
    expect(await at(9_999, 10_000)).toBe("none");
  });

  it("refuses a t too far in the future as stale too, and says which way it is off", async () => {
    expect(await at(-DEFAULT_TOLERANCE_MS)).toBe("none");
    expect(await at(-DEFAULT_TOLERANCE_MS - 1)).toBe("stale");
    const error = await rejectionOf(
      constructDixaEvent(vector.body, header(vector.v1), vector.secret, {
        receivedAt: vector.tMs - 3_600_000,
      }),
    );
    expect(error.message).toContain("ahead of");
    const old = await rejectionOf(
      constructDixaEvent(vector.body, header(vector.v1), vector.secret, {
        receivedAt: new Date(vector.tMs + 3_600_000),
      }),
    );
    expect(old.message).toContain("60.0 min older than");
  });

  it("checks the signature before the time: a forged, stale delivery is a bad signature", async () => {
    const outcome = constructDixaEvent(
      vector.body,
      header(vector.wrong.bodyWithoutT),
      vector.secret,
      {
        receivedAt: vector.tMs + 86_400_000,
      },
    );
    expect(await signatureErrorOf(outcome)).toBe("bad-signature");
  });

  it("toleranceMs: Infinity turns the check off (for re-checking stored deliveries)", async () => {
    expect(await at(10 * 365 * 86_400_000, Infinity)).toBe("none");
  });

  it("a bad toleranceMs or receivedAt is a TypeError", async () => {
    for (const toleranceMs of [-1, Number.NaN, "300" as unknown as number]) {
      await expect(
        constructDixaEvent(vector.body, header(vector.v1), vector.secret, { toleranceMs }),
      ).rejects.toThrow(TypeError);
    }
    await expect(
      constructDixaEvent(vector.body, header(vector.v1), vector.secret, {
        receivedAt: new Date("x"),
      }),
    ).rejects.toThrow(/receivedAt/);
  });
});

describe("missing and garbled headers", () => {
  const kindFor = (headers: Record<string, string>) =>
    signatureErrorOf(constructDixaEvent(vector.body, headers, vector.secret, atT));

  it("no header, or an empty one, is missing-header", async () => {
    expect(await kindFor({})).toBe("missing-header");
    expect(await kindFor({ "content-type": "application/json" })).toBe("missing-header");
    expect(await kindFor({ "x-dixa-signature": "" })).toBe("missing-header");
    expect(await kindFor({ "x-dixa-signature": "   " })).toBe("missing-header");
    expect(await kindFor({ "x-dixa-signatures": `t=${vector.t},v1=${vector.v1}` })).toBe(
      "missing-header",
    );
  });

  it.each([
    ["only v1", `v1=${vector.v1}`],
    ["only t", `t=${vector.t}`],
    ["t not a number", `t=abc,v1=${vector.v1}`],
    ["t negative", `t=-1748264463123,v1=${vector.v1}`],
    ["t with a fraction", `t=1748264463.123,v1=${vector.v1}`],
    ["t too long to be a time", `t=${"9".repeat(20)},v1=${vector.v1}`],
    ["v1 too short", `t=${vector.t},v1=${vector.v1.slice(0, 63)}`],
    ["v1 too long", `t=${vector.t},v1=${vector.v1}0`],
    [
      "v1 not hex (Dixa's docs example ends in g)",
      `t=1689238949803,v1=e217fa759f322839107e2902a16630e6e122418653733ae70f32d1185abcdefg`,
    ],
    ["v1 in base64", `t=${vector.t},v1=${Buffer.from(vector.v1, "hex").toString("base64")}`],
    ["two different t", `t=${vector.t},t=1748264463124,v1=${vector.v1}`],
    ["a part without =", `t=${vector.t},v1=${vector.v1},garbage`],
    ["an empty key", `t=${vector.t},=x,v1=${vector.v1}`],
    ["semicolons", `t=${vector.t};v1=${vector.v1}`],
    ["the whole signature as the header", vector.v1],
    ["a huge header", `t=${vector.t},${"x=y,".repeat(3000)}v1=${vector.v1}`],
  ])("malformed-header: %s", async (_, value) => {
    expect(await kindFor({ "x-dixa-signature": value })).toBe("malformed-header");
  });

  it("tolerates spacing, upper-case hex, a repeated identical t, stray commas and unknown keys", async () => {
    for (const value of [
      ` t=${vector.t} , v1=${vector.v1} `,
      `t = ${vector.t},v1 = ${vector.v1}`,
      `t=${vector.t},  v1=${vector.v1.toUpperCase()}`,
      `t=${vector.t},v1=${vector.v1},t=${vector.t}`,
      `,t=${vector.t},,v1=${vector.v1},`,
      `t=${vector.t},v0=whatever,v2=${"ab".repeat(40)},v1=${vector.v1}`,
      `v1=${vector.v1},t=${vector.t}`,
    ]) {
      expect(await kindFor({ "x-dixa-signature": value }), value).toBe("none");
    }
  });

  it("the error messages name the header and what is wrong, not the secret or the expected signature", async () => {
    const error = await rejectionOf(
      constructDixaEvent(
        vector.body,
        { "x-dixa-signature": `t=x,v1=${vector.v1}` },
        vector.secret,
        atT,
      ),
    );
    expect(error.message).toMatch(/X-DIXA-SIGNATURE is malformed: t is not a number/);
    const bad = await rejectionOf(
      constructDixaEvent(vector.body, header(vector.wrong.bodyWithoutT), vector.secret, atT),
    );
    expect(bad.message).toMatch(/no v1 signature .* matches/);
    expect(bad.message).not.toContain(vector.v1);
    expect(bad.message).not.toContain(vector.secret);
  });
});

describe("several v1 values", () => {
  const wrongs = Object.values(vector.wrong);
  it("passes when any one of them matches, wherever it is", async () => {
    for (const list of [
      [vector.v1, ...wrongs],
      [...wrongs, vector.v1],
      [wrongs[0]!, vector.v1, wrongs[1]!],
    ]) {
      const value = `t=${vector.t},${list.map((v) => `v1=${v}`).join(",")}`;
      const outcome = constructDixaEvent(
        vector.body,
        { "x-dixa-signature": value },
        vector.secret,
        atT,
      );
      expect(await signatureErrorOf(outcome)).toBe("none");
    }
  });

  it("fails when none matches", async () => {
    const value = `t=${vector.t},${wrongs.map((v) => `v1=${v}`).join(",")}`;
    const error = await rejectionOf(
      constructDixaEvent(vector.body, { "x-dixa-signature": value }, vector.secret, atT),
    );
    expect(error).toBeInstanceOf(DixaWebhookSignatureError);
    expect(error.message).toContain("(3 tried)");
  });

  it("takes v1 values from repeated headers (a Headers object joins them)", async () => {
    const headers = new Headers();
    headers.append("X-Dixa-Signature", `t=${vector.t},v1=${wrongs[0]}`);
    headers.append("x-dixa-signature", `v1=${vector.v1}`);
    expect(
      await signatureErrorOf(constructDixaEvent(vector.body, headers, vector.secret, atT)),
    ).toBe("none");
    const record = { "x-dixa-signature": [`t=${vector.t}`, `v1=${vector.v1}`] };
    expect(
      await signatureErrorOf(constructDixaEvent(vector.body, record, vector.secret, atT)),
    ).toBe("none");
  });
});

describe("header names are case-insensitive", () => {
  it.each(["X-DIXA-SIGNATURE", "x-dixa-signature", "X-Dixa-Signature"])(
    "as a record: %s",
    async (name) => {
      const headers = { [name]: `t=${vector.t},v1=${vector.v1}` };
      expect(
        await signatureErrorOf(constructDixaEvent(vector.body, headers, vector.secret, atT)),
      ).toBe("none");
    },
  );

  it("as a Headers object", async () => {
    const headers = new Headers({ "X-DIXA-SIGNATURE": `t=${vector.t},v1=${vector.v1}` });
    expect(
      await signatureErrorOf(constructDixaEvent(vector.body, headers, vector.secret, atT)),
    ).toBe("none");
  });
});

describe("a pretty-printed body with non-ASCII escapes", () => {
  const payload = {
    event_id: "5f0c2b44-7f1a-4d7e-9c1b-2a6f3e9d8c71",
    event_fqn: "CONVERSATION_MESSAGE_ADDED",
    event_version: "1",
    event_timestamp: "2025-05-26T13:01:02.954Z",
    organization: { id: "7c0308f4-8217-41e5-8dbe-725525c47ee3", name: "Søstrene Grøn" },
    data: {
      text: 'Hej! Kan I levere til Nørregade 1, 1165 København K? 🚚 "hurtigt"\tTak\nMvh',
      roles: [],
      tags: [
        { id: "aaa7dafe-de97-3f29-8f1b-0c2d3e4f5a6b", name: "Levering", is_deactivated: false },
      ],
    },
  };

  it("is ASCII only, Dixa's layout, and verifies byte for byte; its event has the real characters", async () => {
    const now = Date.now();
    const { body, headers } = await signDixaWebhook(payload, vector.secret, { timestamp: now });
    expect(body).toMatch(/^[\x00-\x7f]*$/);
    expect(body).toContain('"name" : "S\\u00F8strene Gr\\u00F8n"');
    expect(body).toContain("\\uD83D\\uDE9A"); // the lorry, as a surrogate pair
    expect(body).toContain('"roles" : [ ]');
    expect(body).toContain('"tags" : [ {\n      "id" : "aaa7dafe');
    const bytes = new TextEncoder().encode(body);
    const event = await constructDixaEvent(bytes, headers, vector.secret);
    expect(event).toEqual(payload);

    // The same content re-serialised (compact, or pretty with raw UTF-8) is different bytes.
    for (const other of [JSON.stringify(payload), JSON.stringify(payload, null, 2)]) {
      expect(await signatureErrorOf(constructDixaEvent(other, headers, vector.secret))).toBe(
        "bad-signature",
      );
    }
    // Decoding the escapes into raw UTF-8 and back also breaks it.
    const unescaped = body.replace(/\\u00F8/g, "ø");
    expect(await signatureErrorOf(constructDixaEvent(unescaped, headers, vector.secret))).toBe(
      "bad-signature",
    );
  });

  it("a body with raw UTF-8 (not escaped) verifies over its bytes, given as bytes or as text", async () => {
    const body = '{\n  "name" : "Nørregade"\n}';
    const signature = await computeDixaSignature(body, vector.secret, vector.tMs);
    const bytes = new TextEncoder().encode(body);
    expect(bytes.length).toBe(body.length + 1);
    for (const raw of [body, bytes]) {
      const outcome = constructDixaEvent(raw, header(signature), vector.secret, atT);
      expect(await signatureErrorOf(outcome)).toBe("none");
    }
    // Latin-1 bytes of the same text are not the signed bytes.
    const latin1 = Uint8Array.from(body, (c) => c.charCodeAt(0));
    expect(
      await signatureErrorOf(constructDixaEvent(latin1, header(signature), vector.secret, atT)),
    ).toBe("bad-signature");
  });
});

describe("bad arguments are TypeErrors", () => {
  it.each([
    ["odd length", vector.secret.slice(1), /length is odd/],
    ["not hex", vector.secret.replace(/^00/, "0g"), /not 0-9 or a-f/],
    [
      "whitespace inside it",
      `${vector.secret.slice(0, 32)} ${vector.secret.slice(32)}`,
      /whitespace/,
    ],
    ["empty", "", /empty/],
    [
      "Dixa's docs example (obfuscated, with g h p q)",
      "4g4h988p468g785965b780684bde5546c52gge658d76b4q33fb69c526ea4bdbc",
      /not 0-9 or a-f/,
    ],
  ])("a secret that is %s: at setup, and per call", async (_, secret, reason) => {
    expect(() => createDixaWebhookReceiver({ secret })).toThrow(TypeError);
    expect(() => createDixaWebhookReceiver({ secret })).toThrow(reason);
    await expect(constructDixaEvent(vector.body, header(vector.v1), secret)).rejects.toThrow(
      TypeError,
    );
    await expect(signDixaWebhook({}, secret)).rejects.toThrow(TypeError);
    const error = await rejectionOf(constructDixaEvent(vector.body, header(vector.v1), secret));
    if (secret.trim() !== "") expect(error.message).not.toContain(secret.trim().slice(0, 8));
  });

  it("a secret with surrounding whitespace (a line break from an env file) is trimmed", async () => {
    for (const padded of [`${vector.secret}\n`, ` ${vector.secret}\r\n`, `\t${vector.secret}`]) {
      await expect(
        constructDixaEvent(vector.body, header(vector.v1), padded, atT),
      ).resolves.toMatchObject({ event_fqn: "CONVERSATION_CREATED" });
      const receiver = createDixaWebhookReceiver({ secret: padded, toleranceMs: Infinity });
      await expect(receiver.constructEvent(vector.body, header(vector.v1))).resolves.toBeDefined();
      const signed = await signDixaWebhook(vector.body, padded, { timestamp: vector.tMs });
      expect(signed.headers["X-DIXA-SIGNATURE"]).toBe(`t=${vector.t},v1=${vector.v1}`);
    }
  });

  it("a secret that is not a string", async () => {
    expect(() => createDixaWebhookReceiver({ secret: undefined as unknown as string })).toThrow(
      /options\.secret \(the webhook subscription's secretKey\) must be a string of hex digits/,
    );
    await expect(constructDixaEvent(vector.body, {}, 42 as unknown as string)).rejects.toThrow(
      TypeError,
    );
  });

  it("a parsed body (the Express JSON-parser pitfall) is refused with the reason", async () => {
    const parsed = JSON.parse(vector.body) as Record<string, unknown>;
    const error = await rejectionOf(
      constructDixaEvent(parsed as never, header(vector.v1), vector.secret),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/parsed object.*express\.json\(\).*express\.raw/s);
    await expect(
      constructDixaEvent(null as never, header(vector.v1), vector.secret),
    ).rejects.toThrow(/rawBody must be the raw request body/);
  });

  it("headers that are not headers", async () => {
    await expect(constructDixaEvent(vector.body, null as never, vector.secret)).rejects.toThrow(
      /headers must be a Headers object or a record/,
    );
    await expect(constructDixaEvent(vector.body, "t=1" as never, vector.secret)).rejects.toThrow(
      TypeError,
    );
  });
});
