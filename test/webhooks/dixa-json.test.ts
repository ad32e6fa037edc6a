import { describe, expect, it } from "vitest";
import { dixaSamples, toDixaJson } from "../../src/webhooks/index.js";

describe("toDixaJson lays JSON out the way Dixa's deliveries are", () => {
  it("objects: two-space indent, ' : ', no trailing newline; empty ones as { }", () => {
    expect(toDixaJson({ a: 1, b: { c: "x", d: {} } })).toBe(
      '{\n  "a" : 1,\n  "b" : {\n    "c" : "x",\n    "d" : { }\n  }\n}',
    );
    expect(toDixaJson({})).toBe("{ }");
  });

  it("arrays on one line, [ ] when empty, objects inside opening on the same line (Jackson's default)", () => {
    expect(toDixaJson({ roles: [], ids: [1, 2, 3] })).toBe(
      '{\n  "roles" : [ ],\n  "ids" : [ 1, 2, 3 ]\n}',
    );
    expect(toDixaJson({ tags: [{ id: "a" }, { id: "b" }] })).toBe(
      '{\n  "tags" : [ {\n    "id" : "a"\n  }, {\n    "id" : "b"\n  } ]\n}',
    );
    expect(toDixaJson([[], [[1]], {}])).toBe("[ [ ], [ [ 1 ] ], { } ]");
  });

  it("escapes non-ASCII as upper-case \\uXXXX and control characters the JSON way", () => {
    expect(toDixaJson("København")).toBe('"K\\u00F8benhavn"');
    expect(toDixaJson("€ ✓ 🚚")).toBe('"\\u20AC \\u2713 \\uD83D\\uDE9A"');
    expect(toDixaJson('"quoted" back\\slash\n\r\t\b\f\u0001\u001f')).toBe(
      '"\\"quoted\\" back\\\\slash\\n\\r\\t\\b\\f\\u0001\\u001F"',
    );
    expect(toDixaJson("a/b \u007f")).toBe('"a/b \u007f"');
    // Keys are escaped the same way.
    expect(toDixaJson({ ø: 1 })).toBe('{\n  "\\u00F8" : 1\n}');
  });

  it("scalars, undefined, toJSON, and what JSON cannot carry", () => {
    expect(toDixaJson(null)).toBe("null");
    expect(toDixaJson(true)).toBe("true");
    expect(toDixaJson(-1.5)).toBe("-1.5");
    expect(toDixaJson({ a: undefined, b: () => 1, c: 2 })).toBe('{\n  "c" : 2\n}');
    expect(toDixaJson([undefined])).toBe("[ null ]");
    expect(toDixaJson({ at: new Date(0) })).toBe('{\n  "at" : "1970-01-01T00:00:00.000Z"\n}');
    expect(() => toDixaJson(Number.NaN)).toThrow(TypeError);
    expect(() => toDixaJson(undefined)).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop["self"] = loop;
    expect(() => toDixaJson(loop)).toThrow(/refers to itself/);
    const shared = { x: 1 };
    expect(toDixaJson({ a: shared, b: shared })).toContain('"b" : {');
  });

  it("round-trips every sample, with the byte count only this layout gives", () => {
    for (const { event } of dixaSamples) {
      const text = toDixaJson(event);
      expect(JSON.parse(text)).toEqual(event);
      expect(text).toMatch(/^[\x00-\x7f]*$/);
      expect(text).not.toBe(JSON.stringify(event, null, 2));
    }
  });
});
