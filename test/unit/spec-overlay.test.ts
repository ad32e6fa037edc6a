/**
 * The overlay step of the spec pipeline: what an overlay may ask for, what becomes of each action
 * (applied, unmatched, redundant, prose drift), and that hostile input changes nothing it should
 * not: the caller's document, Object.prototype, places reached through YAML aliases.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { applyOverlay, correctSpec } from "../../scripts/lib/apply-overlay.js";
import { overlayLimits, parseOverlay } from "../../scripts/lib/overlay-document.js";
import { validateSpecText, type OpenApiDocument } from "../../scripts/lib/spec-document.js";
import { projectRoot } from "../support/run-script.js";
import { tinySpec } from "../support/tiny-spec.js";

const evidence = "The examples show it.";

/** An overlay document around the given actions, each with a description and evidence. */
function overlayText(actions: Array<Record<string, unknown>>, version = "1.0.0"): string {
  return JSON.stringify({
    overlay: version,
    info: { title: "test", version: "1" },
    actions: actions.map((action) => ({ description: "why", "x-evidence": evidence, ...action })),
  });
}

function tinyDocument(): OpenApiDocument {
  return validateSpecText(stringify(tinySpec())).document;
}

const tagState = "$.components.schemas.Tag.properties";

describe("what an overlay may ask for", () => {
  it.each([
    [
      "an Overlay 1.1 document",
      overlayText([{ target: "$", update: {} }], "1.1.0"),
      /`overlay: 1\.0\.x`/,
    ],
    [
      "a `copy` action (Overlay 1.1)",
      overlayText([{ target: tagState, copy: "$.info" }]),
      /action 1 \(\$\.components\.schemas\.Tag\.properties\) uses `copy`, which is Overlay 1\.1/,
    ],
    [
      "an action without a description",
      overlayText([{ target: tagState, update: {}, description: " " }]),
      /action 1 .* has no `description`/,
    ],
    [
      "an action without evidence",
      overlayText([{ target: tagState, update: {}, "x-evidence": [] }]),
      /action 1 .* has no `x-evidence`/,
    ],
    [
      "recursive descent",
      overlayText([{ target: "$..properties", update: {} }]),
      /recursive descent \(`\.\.`\) is not accepted/,
    ],
    [
      "a regular expression in a filter",
      overlayText([{ target: "$.components.schemas[?match(@.title, 'a.*')]", update: {} }]),
      /filters may compare values, not match regular expressions/,
    ],
    [
      "a target outside `$`",
      overlayText([{ target: "components", update: {} }]),
      /does not start with `\$`/,
    ],
    [
      "a target of too many segments",
      overlayText([{ target: `$${".a".repeat(overlayLimits.maxTargetSegments + 1)}`, update: {} }]),
      /more than 24 segments/,
    ],
    [
      "an update that reaches a prototype",
      '{"overlay":"1.0.0","info":{"title":"t","version":"1"},"actions":[{"target":"$.info","description":"why","x-evidence":"e","update":{"a":{"__proto__":{"polluted":true}}}}]}',
      /action 1 \(\$\.info\) has an `update` that has a key `__proto__`/,
    ],
    [
      "an update that is not an object",
      overlayText([{ target: tagState, update: ["x"] }]),
      /action 1 .* has an `update` that is not an object/,
    ],
    [
      "both update and remove",
      overlayText([{ target: tagState, update: {}, remove: true }]),
      /must have exactly one of `update` and `remove: true`/,
    ],
    [
      "removing the whole document",
      overlayText([{ target: "$", remove: true }]),
      /removes the whole document/,
    ],
    [
      "an unknown field",
      overlayText([{ target: tagState, update: {}, when: "always" }]),
      /unknown field `when`/,
    ],
  ])("refuses %s, naming the action", (_name, text, message) => {
    expect(() => parseOverlay(text)).toThrow(message);
  });

  it("refuses, at application, a target that is not JSONPath, naming the action", async () => {
    const overlay = parseOverlay(overlayText([{ target: "$.info[?@.title == ]", update: {} }]));
    await expect(applyOverlay(tinyDocument(), overlay)).rejects.toThrow(
      /overlay action 1 \(\$\.info\[\?@\.title == \]\) has a target that is not valid JSONPath/,
    );
  });

  it("refuses an update of something that is not an object", async () => {
    const overlay = parseOverlay(
      overlayText([{ target: "$.components.schemas.Agent.required", update: { x: 1 } }]),
    );
    await expect(applyOverlay(tinyDocument(), overlay)).rejects.toThrow(
      /action 1 .* selects an array; an update applies to objects only/,
    );
  });

  it("refuses a target that selects more places than the cap", async () => {
    const document = tinyDocument();
    const many = Object.fromEntries(
      Array.from({ length: overlayLimits.maxMatchesPerAction + 1 }, (_, i) => [`S${i}`, {}]),
    );
    document.components = { schemas: many };
    const overlay = parseOverlay(
      overlayText([{ target: "$.components.schemas.*", update: { a: 1 } }]),
    );
    await expect(applyOverlay(document, overlay)).rejects.toThrow(
      /action 1 .* selects 2001 places, over the limit of 2000/,
    );
  });

  it("refuses an overlay that leaves a dangling reference", async () => {
    const overlay = parseOverlay(
      overlayText([
        { target: tagState, update: { owner: { $ref: "#/components/schemas/Nobody" } } },
      ]),
    );
    await expect(applyOverlay(tinyDocument(), overlay)).rejects.toThrow(
      /the overlay leaves a description that is not valid: dangling \$ref #\/components\/schemas\/Nobody/,
    );
  });
});

describe("what becomes of each action", () => {
  it("applies, reports a target that selects nothing, and one that changes nothing", async () => {
    const overlay = parseOverlay(
      overlayText([
        { target: tagState, update: { state: { type: "string", enum: ["Active", "Inactive"] } } },
        { target: "$.components.schemas.Widget.properties", update: { a: { type: "string" } } },
        { target: "$.components.schemas.Agent", update: { required: ["id"] } },
        { target: "$.components.schemas.Tag.properties.color", remove: true },
      ]),
    );
    const { document, outcomes } = await applyOverlay(tinyDocument(), overlay);
    expect(outcomes.map((o) => [o.action.number, o.outcome, o.matched])).toEqual([
      [1, "applied", 1],
      [2, "unmatched", 0],
      [3, "redundant", 1],
      [4, "applied", 1],
    ]);
    const tag = (document.components as any).schemas.Tag;
    expect(tag.properties.state).toEqual({ type: "string", enum: ["Active", "Inactive"] });
    expect(tag.properties.color).toBeUndefined();
  });

  it("reports an enum whose prose list in the description has changed", async () => {
    const document = tinyDocument();
    (document.components as any).schemas.Tag.properties.state = {
      type: "string",
      description: "values: [Active, Inactive, Archived]",
    };
    const overlay = parseOverlay(
      overlayText([{ target: `${tagState}.state`, update: { enum: ["Active", "Inactive"] } }]),
    );
    const { outcomes } = await applyOverlay(document, overlay);
    expect(outcomes[0]!.proseValues).toEqual(["Active", "Inactive", "Archived"]);
  });

  it("leaves the caller's document and Object.prototype alone, whatever the keys", async () => {
    const text = JSON.stringify(tinySpec()).replace(
      '"Tag":{',
      '"__proto__":{"type":"object","properties":{}},"Tag":{',
    );
    const document = validateSpecText(text).document;
    const before = JSON.stringify(document);
    const overlay = parseOverlay(
      overlayText([{ target: "$.components.schemas.*", update: { "x-seen": true } }]),
    );
    const { document: corrected } = await applyOverlay(document, overlay);
    expect(JSON.stringify(document)).toBe(before);
    expect(({} as Record<string, unknown>)["x-seen"]).toBeUndefined();
    expect(Object.hasOwn((corrected.components as any).schemas["__proto__"], "x-seen")).toBe(true);
  });

  it("changes only the place it selects when YAML aliases share an object", async () => {
    const yaml = stringify(tinySpec()).replace(
      /^( {4}Tag:\n)/m,
      "    Shared: &shared\n      type: object\n      properties: {}\n    Copy: *shared\n$1",
    );
    const overlay = parseOverlay(
      overlayText([{ target: "$.components.schemas.Shared", update: { title: "Shared" } }]),
    );
    const { document } = await applyOverlay(validateSpecText(yaml).document, overlay);
    expect((document.components as any).schemas.Copy.title).toBeUndefined();
    expect((document.components as any).schemas.Shared.title).toBe("Shared");
  });
});

describe("the project's overlay on the snapshot", () => {
  it("applies every action to the snapshot: none stale, none redundant", async () => {
    const text = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
    const { outcomes } = await correctSpec(validateSpecText(text).document);
    const notApplied = outcomes.filter((o) => o.outcome !== "applied" || o.proseValues);
    expect(notApplied.map((o) => `${o.action.number} ${o.action.target} ${o.outcome}`)).toEqual([]);
  });
});
