/**
 * The token in the encodings a server (or the service behind it) may echo it in beyond the
 * plain ones of redaction.test.ts: JSON stringified twice or three times (a JSON text quoted in
 * an error body), PHP's `\/`, percent-encoding of escapes and any depth of it, named HTML
 * references, base64 of an escaped or percent-encoded text, base64 twice. Table-driven on the
 * redactor, then through the client with the same forms in an error answer.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createDixaClient, DixaApiError, type DixaEvent } from "../../src/index.js";
import { createRedactor } from "../../src/redact.js";

const tokens = {
  "with / + =": "sk-live/9F3a+b7Q=SECRET",
  "with Latin-1 letters": "tök-én-Sécret/42",
  'with " and \\': 'tok"en\\SECRET-1',
};

const json = (text: string) => JSON.stringify(text).slice(1, -1);
/** JSON as PHP writes it: `/` escaped too. */
const php = (text: string) => json(text).replace(/\//g, "\\/");
/** JSON with every character outside printable ASCII as `\uXXXX`. */
const asciiJson = (text: string) =>
  json(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const base64 = (text: string) => Buffer.from(text).toString("base64");

/** Forms the token itself becomes, whole: redacted exactly, nothing around it touched. */
const exact: [string, (token: string) => string][] = [
  ["JSON stringified twice", (t) => json(json(t))],
  ["JSON stringified three times", (t) => json(json(json(t)))],
  ["\\u escapes stringified again", (t) => json(asciiJson(t))],
  ["\\u escapes stringified twice more", (t) => json(json(asciiJson(t)))],
  ["PHP JSON, twice", (t) => php(php(t))],
  ["PHP JSON inside standard JSON", (t) => json(php(t))],
  ["percent-encoded JSON escapes", (t) => encodeURIComponent(php(t))],
  ["percent-encoded twice-escaped JSON", (t) => encodeURIComponent(json(asciiJson(t)))],
  [
    "percent-encoded three times",
    (t) => encodeURIComponent(encodeURIComponent(encodeURIComponent(t))),
  ],
  ["form-encoded", (t) => new URLSearchParams({ k: t }).toString().slice(2)],
  ["named HTML references", (t) => t.replace(/\//g, "&sol;").replace(/"/g, "&quot;")],
  [
    "HTML references escaped again",
    (t) => Array.from(t, (c) => `&amp;#${c.codePointAt(0)};`).join(""),
  ],
];

/** Forms that encode the token with what surrounds it (base64): redacted up to the edges. */
const embedded: [string, (token: string) => string][] = [
  ["base64 of a PHP JSON body", (t) => base64(`{"token":"${php(t)}"}`)],
  ["base64 of a query string", (t) => base64(`a=1&token=${encodeURIComponent(t)}`)],
  ["base64 of a Basic credential", (t) => base64(`Authorization: Basic ${base64(`user:${t}`)}`)],
  ["base64url, escaped in JSON", (t) => php(Buffer.from(`x${t}`).toString("base64url"))],
  ["base64, percent-encoded", (t) => encodeURIComponent(base64(`xy${t}`))],
  ["hex, upper case", (t) => Buffer.from(t).toString("hex").toUpperCase()],
];

describe.each(Object.entries(tokens))("a token %s", (_, token) => {
  const redact = createRedactor(token);

  it.each(exact)("%s: redacted exactly", (_name, encode) => {
    expect(redact.text(`before ${encode(token)} after`)).toBe("before [redacted] after");
  });

  it.each(embedded)("%s: redacted, the edges aside", (_name, encode) => {
    const encoded = encode(token);
    const shown = redact.text(`before ${encoded} after`);
    // What is left is the encoding of what surrounds the token, and the few characters at its
    // edges that depend on a neighbouring byte too.
    const left = shown.match(/^before (.*)\[redacted\](.*) after$/);
    expect(left, shown).not.toBeNull();
    expect(left![1]!.length + left![2]!.length).toBeLessThanOrEqual(encode("").length + 12);
  });

  it("leaves a JSON body with escapes but no token as it was", () => {
    const body = json(
      JSON.stringify({ message: 'a "quoted" \\ path /beta/x?y=%2F&z=1', html: "&amp;&sol;" }),
    );
    expect(redact.text(body)).toBe(body);
  });
});

describe("a long run of what an escape is made of", () => {
  // An unbounded repetition in the pattern makes the scan quadratic in such a run's length
  // (200,000 backslashes took 79 s so; 26 ms bounded). Time is the subject here, so it is
  // measured as a ratio side by side: a run sixteen times longer costs about sixteen times as
  // much when linear, 256 times when quadratic. The two are timed in turn, and the fastest of
  // eleven tries of each is kept, so a busy machine weighs on both alike or on neither.
  const redact = createRedactor(tokens['with " and \\']);
  const time = (text: string) => {
    const start = performance.now();
    expect(redact.text(text)).toBe(text); // left alone: no token in it
    return performance.now() - start;
  };
  const ratio = (short: string, long: string) => {
    let [fastestShort, fastestLong] = [Infinity, Infinity];
    for (let i = 0; i < 11; i++) {
      fastestShort = Math.min(fastestShort, time(short));
      fastestLong = Math.min(fastestLong, time(long));
    }
    return { ratio: fastestLong / Math.max(fastestShort, 0.02), fastestShort, fastestLong };
  };
  it.each([
    ["backslashes", "\\", ""],
    ["percent-encoded backslashes", "%5C", ""],
    ["escaped ampersands", "amp;", "&"],
    ["nested percent-encoding", "25", "%"],
  ])("%s: scanned in time linear in the run's length", (_, unit, head) => {
    const measured = ratio(head + unit.repeat(2_000), head + unit.repeat(32_000));
    expect(measured.ratio, JSON.stringify(measured)).toBeLessThan(64);
  });
});

describe("through the client: an error answer quoting the token in these forms", () => {
  const token = tokens["with / + ="];
  it.each([...exact, ...embedded])("%s", async (_name, encode) => {
    const inner = JSON.stringify({ upstream: { error: `bad token ${encode(token)}` } });
    const body = JSON.stringify({ message: `upstream refused: ${inner}` });
    const events: string[] = [];
    const dixa = createDixaClient({
      apiKey: token,
      rateLimit: false,
      retry: false,
      fetch: async () =>
        new Response(body, { status: 401, headers: { "content-type": "application/json" } }),
      onEvent: (event: DixaEvent) => events.push(JSON.stringify(event)),
    });
    const error = await dixa.organization.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DixaApiError);
    const shown = [
      String(error),
      inspect(error, { depth: 20, showHidden: true }),
      JSON.stringify((error as DixaApiError).body),
    ];
    for (const text of shown) expect(text).toContain("[redacted]");
    for (const text of [...shown, ...events]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(encode(token));
    }
  });
});
