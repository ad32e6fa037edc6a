import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { specLimits, validateSpecText } from "../../scripts/lib/spec-document.js";
import { checkPathTemplate } from "../../scripts/lib/spec-path.js";
import {
  externalRefCases,
  setUpExternalRefBait,
  type ExternalRefBait,
} from "../support/external-ref-specs.js";
import { projectRoot } from "../support/run-script.js";
import { tinySpec } from "../support/tiny-spec.js";

const upstreamYaml = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");

function withPath(path: string) {
  const spec = tinySpec();
  spec.paths[path] = spec.paths["/beta/agents/{agentId}"]!;
  return stringify(spec);
}

describe("references", () => {
  let bait: ExternalRefBait;
  beforeAll(async () => {
    bait = await setUpExternalRefBait();
  });
  afterAll(() => bait.close());

  it.each(externalRefCases)("refuses %s", (name) => {
    expect(() => validateSpecText(stringify(bait.specs[name]))).toThrow(
      /is not a local #\/… reference; a snapshot must be self-contained|externalValue .* points outside the document/,
    );
  });

  it("refuses a `#` reference that is not a `#/…` pointer", () => {
    const spec = tinySpec();
    spec.components.schemas["Agent"].properties.email = { $ref: "#agent-email" };
    expect(() => validateSpecText(stringify(spec))).toThrow(
      /\$ref #agent-email at #\/components\/schemas\/Agent\/properties\/email is not a local/,
    );
  });

  it("checks a local $ref inside a properties map, which used to be skipped", () => {
    const spec = tinySpec();
    spec.components.schemas["Agent"].properties = { $ref: "#/components/schemas/Nope" };
    expect(() => validateSpecText(stringify(spec))).toThrow(
      /dangling \$ref #\/components\/schemas\/Nope at #\/components\/schemas\/Agent\/properties/,
    );
  });

  it("accepts a property that is merely named $ref, and local refs in example data", () => {
    const spec = tinySpec();
    spec.components.schemas["Agent"].properties["$ref"] = { type: "string" };
    spec.components.schemas["Agent"].example = { nested: { $ref: "#/not/a/real/target" } };
    expect(validateSpecText(stringify(spec)).operationCount).toBe(4);
  });

  it("accepts a discriminator mapping by name or by local pointer", () => {
    const spec = tinySpec();
    spec.components.schemas["Agent"].discriminator = {
      propertyName: "kind",
      mapping: { tag: "#/components/schemas/Tag", plain: "Agent" },
    };
    expect(validateSpecText(stringify(spec)).operationCount).toBe(4);
  });

  it("accepts the real snapshot", () => {
    expect(validateSpecText(upstreamYaml)).toMatchObject({ pathCount: 91, operationCount: 123 });
  });
});

describe("paths are normalised, then checked against /beta/", () => {
  it.each([
    ["/beta/../admin/{id}", /has a dot segment \(".."\) and would resolve to \/admin\/\{id\}/],
    ["/beta/%2e%2e/admin", /has a dot segment \(".."\) and would resolve to \/admin/],
    ["/beta/.%2E/admin", /has a dot segment \(".."\) and would resolve to \/admin/],
    ["/beta/..%2fadmin", /has a dot segment \(".."\) and would resolve to \/admin/],
    ["/beta/..\\admin", /has a dot segment \(".."\) and would resolve to \/admin/],
    ["/beta/./agents", /has a dot segment \("\."\) and would resolve to \/beta\/agents/],
    ["/beta/agents/..", /has a dot segment \(".."\) and would resolve to \/beta\//],
    ["/v1/agents", /is not under \/beta\//],
    ["/beta", /is not under \/beta\//],
    ["/beta%2fagents", /is not under \/beta\//],
  ])("refuses %s", (path, reason) => {
    expect(checkPathTemplate(path)?.message).toMatch(reason);
    expect(() => validateSpecText(withPath(path))).toThrow(reason);
  });

  it.each(["/beta/agents/{agentId}", "/beta/a.b/c..d/{id}.json", "/beta/x/"])("accepts %s", (p) => {
    expect(checkPathTemplate(p)).toBeUndefined();
  });
});

describe("resource limits", () => {
  it("refuses a billion-laughs alias bomb within seconds", () => {
    const names = "abcdefghi".split("");
    const lines = [`  a: &a [${Array(9).fill('"lol"').join(",")}]`];
    for (let i = 1; i < names.length; i++) {
      lines.push(
        `  ${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(",")}]`,
      );
    }
    const bomb = `${stringify(tinySpec())}x-bomb:\n${lines.join("\n")}\n`;
    expect(bomb.length).toBeLessThan(3000);
    expect(() => validateSpecText(bomb)).toThrow(
      /expands aliases more than 100 times \(alias limit/,
    );
  });

  it("accepts a few aliases", () => {
    const text = `${stringify(tinySpec())}x-shared: &shared {a: 1}\nx-again: *shared\n`;
    expect(validateSpecText(text).operationCount).toBe(4);
  });

  it.each([
    ["YAML flow", `openapi: 3.0.3\nx: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`],
    [
      "YAML block",
      `openapi: 3.0.3\nx:\n${Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n")} 1\n`,
    ],
    ["YAML sequence", `openapi: 3.0.3\nx:\n  ${"- ".repeat(100_000)}a\n`],
    ["JSON", `{"openapi": "3.0.3", "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
  ])("refuses %s nested deeper than the limit", (_kind, text) => {
    expect(() => validateSpecText(text)).toThrow(
      new RegExp(`nests deeper than ${specLimits.maxDepth} levels \\(nesting limit\\)`),
    );
  });

  it("refuses megabytes of tiny YAML tokens at the token limit, without parsing them all", () => {
    const text = `${stringify(tinySpec())}x-wide: [${"1,".repeat(3_000_000)}1]\n`;
    expect(() => validateSpecText(text)).toThrow(/more than 1000000 tokens \(token limit\)/);
  });

  it("reads a map of 100,000 keys in linear time (yaml's own check is quadratic)", () => {
    // Quadratic, this took minutes; linear it takes a few seconds even on a busy machine.
    const keys = Array.from({ length: 100_000 }, (_, i) => `  k${i}: 1`).join("\n");
    expect(validateSpecText(`${stringify(tinySpec())}x-map:\n${keys}\n`).operationCount).toBe(4);
  }, 60_000);

  it.each([
    ["a repeated key", "x-a: 1\nx-a: 2\n", /duplicate key "x-a" at line \d+/],
    ["keys 1 and '1', one property in JavaScript", "x-n:\n  1: a\n  '1': b\n", /duplicate key "1"/],
    [
      "a mapping used as a key",
      "x-k:\n  ? {a: 1}\n  : b\n",
      /a mapping key that is not a plain value/,
    ],
  ])("refuses %s", (_name, tail, reason) => {
    expect(() => validateSpecText(`${stringify(tinySpec())}${tail}`)).toThrow(reason);
  });

  it("refuses a document over the size limit before parsing it", () => {
    const text = `openapi: 3.0.3\nx: "${"a".repeat(specLimits.maxBytes)}"\n`;
    expect(() => validateSpecText(text)).toThrow(/bytes, over the 20 MiB size limit/);
  });
});

describe("a cut-off download is called truncated", () => {
  it("when it ends mid-line", () => {
    const text = upstreamYaml.slice(0, upstreamYaml.indexOf("description:", 250_000) + 5);
    expect(() => validateSpecText(text)).toThrow(/^the download looks truncated \(/);
  });

  it("when it ends inside a quoted string", () => {
    const text = upstreamYaml.slice(0, upstreamYaml.indexOf("'#/components/schemas/") + 10);
    expect(() => validateSpecText(text)).toThrow(
      /^the download looks truncated \(it ends mid-structure at line \d+; the document is not valid YAML/,
    );
  });

  it("when JSON ends mid-structure", () => {
    const json = JSON.stringify(JSON.parse(JSON.stringify(tinySpec())));
    expect(() => validateSpecText(json.slice(0, json.length - 20))).toThrow(
      /^the download looks truncated \(it ends mid-structure at line 1; the document is not valid YAML or JSON/,
    );
  });

  it("when it ends at a line boundary with $refs into the missing tail", () => {
    // Cut inside components/schemas, at a line end: the schemas after the cut are missing.
    const at = upstreamYaml.indexOf("\n", upstreamYaml.indexOf("\ncomponents:") + 40_000) + 1;
    const text = upstreamYaml.slice(0, at);
    expect(() => validateSpecText(text)).toThrow(
      /^the download looks truncated \(\d+ \$refs point into the part of the document where it ends; dangling \$ref/,
    );
  });

  it("but not for a typo in a complete document", () => {
    const text = upstreamYaml.replace(
      "$ref: '#/components/schemas/GetMetricsOutput'",
      "$ref: '#/components/schemas/Nope'",
    );
    expect(() => validateSpecText(text)).toThrow(/^dangling \$ref #\/components\/schemas\/Nope at/);
  });

  it("nor for a refusal that a cut cannot cause", () => {
    const text = withPath("/beta/../admin").trimEnd();
    expect(() => validateSpecText(text)).toThrow(/^path \/beta\/\.\.\/admin has a dot segment/);
  });
});
