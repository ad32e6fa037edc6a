/**
 * The pieces generated checks are built from: fields are the object's own properties only (an
 * inherited `constructor` is no field, a given `__proto__` is), a value that contains itself is
 * a TypeError rather than a stack overflow, and labels name fields as code would.
 */
import { describe, expect, it } from "vitest";
import { anyString, arrayOf, nonEmptyString, nullable, runCheck, shape } from "../../src/checks.js";

describe("shape reads only the object's own fields", () => {
  it("an optional field named constructor (or toString) is not read from the prototype", () => {
    const query = shape({}, { constructor: anyString, toString: anyString });
    expect(() => query({}, "query")).not.toThrow();
    expect(() => query({ constructor: 5 }, "query")).toThrow(
      "query.constructor must be a string, got the number 5",
    );
  });

  it("a required field named __proto__ is satisfied by the own property JSON makes", () => {
    const body = shape({ ["__proto__"]: nonEmptyString });
    expect(() => body(JSON.parse('{"__proto__":"x"}'), "body")).not.toThrow();
    expect(() => body({}, "body")).toThrow(
      "body.__proto__ must be a non-empty string, got undefined",
    );
  });

  it("names a field that is not an identifier the way code would reach it", () => {
    expect(() => shape({ "a-b": nonEmptyString })({}, "attributes")).toThrow(
      'attributes["a-b"] must be a non-empty string, got undefined',
    );
    expect(() => arrayOf(shape({ id: nonEmptyString }))([{ id: "x" }, {}], "items")).toThrow(
      "items[1].id must be a non-empty string, got undefined",
    );
  });

  it("a value that contains itself is refused with a TypeError, not a stack overflow", () => {
    // As generated: a function declaration whose check is made on its first run and refers to it.
    function node(value: unknown, label: string): void {
      runCheck(node, () => shape({}, { child: node, label: nullable(anyString) }), value, label);
    }
    const loop: Record<string, unknown> = { label: null };
    loop["child"] = loop;
    expect(() => node(loop, "tree")).toThrow(TypeError);
    expect(() => node(loop, "tree")).toThrow(/nests deeper than 64 levels/);
  });
});
