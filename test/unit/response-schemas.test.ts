/**
 * The table behind response validation: built from the corrected description as data, bounded
 * by the document's size, and checked within bounds whatever the answer. Dixa's own example
 * answers pass it (and do not pass the description as published: that is what the overlay fixes).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { exampleAnswers } from "../../generated/example-answers.js";
import { responseSchemas } from "../../generated/response-schemas.js";
import {
  responseSchemasSource,
  responseSchemaTable,
} from "../../scripts/lib/render-response-schemas.js";
import { validateSpecText, type OpenApiDocument } from "../../scripts/lib/spec-document.js";
import { createResponseChecker } from "../../src/validation/response-checker.js";
import { projectRoot } from "../support/run-script.js";
import { tinySpec } from "../support/tiny-spec.js";

function documentWith(schemas: Record<string, unknown>, answer: unknown): OpenApiDocument {
  const spec = tinySpec();
  Object.assign(spec.components.schemas, schemas);
  spec.paths["/beta/agents/{agentId}"]!["get"].responses["200"].content["application/json"].schema =
    answer;
  return validateSpecText(stringify(spec)).document;
}

const checkAgent = (doc: OpenApiDocument, body: unknown) =>
  createResponseChecker(responseSchemaTable(doc)).check("GET", "/beta/agents/{agentId}", 200, body);

describe("Dixa's example answers", () => {
  const all = Object.entries(exampleAnswers);

  it("all pass the corrected description", () => {
    const checker = createResponseChecker(responseSchemas);
    const found = all.flatMap(([key, answer]) => {
      const [method, path] = key.split(" ") as [string, string];
      return checker
        .check(method, path, answer.status, answer.body)
        .mismatches.map((m) => `${answer.operationId} ${m.pointer} ${m.kind}`);
    });
    expect(found).toEqual([]);
  });

  it("differ from the description as published, which the overlay corrects", async () => {
    const text = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
    const checker = createResponseChecker(responseSchemaTable(validateSpecText(text).document));
    const kinds = new Set<string>();
    for (const [key, answer] of all) {
      const [method, path] = key.split(" ") as [string, string];
      for (const m of checker.check(method, path, answer.status, answer.body).mismatches) {
        kinds.add(`${m.kind} ${m.breaking ? "breaking" : "additive"}`);
      }
    }
    // `_type` undeclared on union members; names sent as strings where the schema has objects.
    expect([...kinds].sort()).toEqual(["type breaking", "unknown-field additive"]);
  });
});

describe("spec text is data", () => {
  const tmp = join(projectRoot, ".tmp", "response-schemas-test");
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("keeps hostile names and values as strings of the table, and running it runs nothing", async () => {
    const hostile = `"); globalThis.pwnedBySpec = 1; ("\`\${globalThis.pwnedBySpec = 2}*/`;
    const doc = documentWith(
      {
        Hostile: {
          type: "object",
          required: [hostile],
          properties: {
            [hostile]: { type: "string", enum: [hostile] },
            ["__proto__"]: { type: "string" },
          },
        },
      },
      { $ref: "#/components/schemas/Hostile" },
    );
    await mkdir(tmp, { recursive: true });
    const file = join(tmp, "response-schemas.ts");
    await writeFile(file, responseSchemasSource(doc, "0".repeat(64)));
    const { responseSchemas: table } = (await import(
      file
    )) as typeof import("../../generated/response-schemas.js");
    expect((globalThis as Record<string, unknown>)["pwnedBySpec"]).toBeUndefined();
    const checker = createResponseChecker(table);
    const found = checker.check(
      "GET",
      "/beta/agents/{agentId}",
      200,
      JSON.parse(`{"__proto__": 1}`),
    );
    expect(found.mismatches.map((m) => [m.pointer, m.kind, m.received])).toEqual([
      [`/${hostile.replace(/~/g, "~0").replace(/\//g, "~1")}`, "missing", "nothing"],
      ["/__proto__", "type", "integer"],
    ]);
  });
});

describe("bounded work", () => {
  it("compiles a schema reached by many paths once (size of the document, not of its paths)", () => {
    // Ten levels, each listing the next eight times: 8^10 paths, 11 schemas.
    const schemas: Record<string, unknown> = { L10: { type: "string" } };
    for (let level = 9; level >= 0; level--) {
      const next = { $ref: `#/components/schemas/L${level + 1}` };
      schemas[`L${level}`] = {
        type: "object",
        properties: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}`, next])),
      };
    }
    const table = responseSchemaTable(documentWith(schemas, { $ref: "#/components/schemas/L0" }));
    expect(table.nodes.length).toBeLessThan(200);
  });

  it("stops, reporting it, at a depth limit: a recursive schema against a very deep answer", () => {
    const doc = documentWith(
      { Tree: { type: "object", properties: { child: { $ref: "#/components/schemas/Tree" } } } },
      { $ref: "#/components/schemas/Tree" },
    );
    let body: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++) body = { child: body };
    const found = checkAgent(doc, body);
    expect(found.mismatches).toEqual([
      expect.objectContaining({
        kind: "incomplete",
        breaking: false,
        received: "a check stopped after 200 levels",
      }),
    ]);
  });

  it("ends a loop of references at the depth limit", () => {
    const doc = documentWith(
      { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } },
      { $ref: "#/components/schemas/A" },
    );
    expect(checkAgent(doc, { any: 1 }).mismatches.map((m) => m.kind)).toEqual(["incomplete"]);
  });

  it("keeps at most 100 mismatches of one answer and counts the rest", () => {
    const doc = documentWith({}, { type: "array", items: { type: "string" } });
    const found = checkAgent(
      doc,
      Array.from({ length: 150 }, (_, i) => i),
    );
    expect(found.mismatches).toHaveLength(100);
    expect(found.more).toBe(50);
    expect(found.moreBreaking).toBe(true);
  });
});
