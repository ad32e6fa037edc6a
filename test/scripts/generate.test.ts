import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderGeneratedFiles } from "../../scripts/lib/render-types.js";
import { projectRoot } from "../support/run-script.js";

const specText = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
const generatedDir = join(projectRoot, "generated");
const typesFile = join(generatedDir, "dixa-beta.ts");

describe("generate", () => {
  it("is deterministic and matches the committed file", async () => {
    const { files: first } = await renderGeneratedFiles(specText, generatedDir);
    const { files: second } = await renderGeneratedFiles(specText, generatedDir);
    expect(second).toEqual(first);
    const paths = first.map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual([
      typesFile,
      join(generatedDir, "operation-table.ts"),
      join(generatedDir, "example-answers.ts"),
    ]);
    // The facade's tables (functions, resources, checks, types, arguments, operations), coverage.
    expect(paths).toContain(join(generatedDir, "facade", "functions.ts"));
    expect(paths).toContain(join(generatedDir, "facade", "resources.ts"));
    expect(paths).toContain(join(generatedDir, "coverage.md"));
    for (const file of first) expect(await readFile(file.path, "utf8")).toBe(file.content);
  });

  it("covers every operation of the snapshot", async () => {
    const generated = await readFile(typesFile, "utf8");
    const operationsBlock = generated.slice(generated.indexOf("export interface operations {"));
    const doc = parse(specText) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operationIds = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(operationIds).toHaveLength(123);
    const declared = new Set(
      [...operationsBlock.matchAll(/^ {4}"?([\w-]+)"?: \{/gm)].map((match) => match[1]),
    );
    const missing = operationIds.filter((id) => !declared.has(id));
    expect(missing).toEqual([]);
  });

  it("names the spec's sha256 in its header", async () => {
    const provenance = JSON.parse(
      await readFile(join(projectRoot, "openapi", "provenance.json"), "utf8"),
    );
    expect(await readFile(typesFile, "utf8")).toContain(`Spec sha256: ${provenance.sha256}`);
  });
});

describe("the derived operation table", () => {
  it("finds the 13 paged and 8 per-item bulk operations the reference material lists", async () => {
    const { operationTable } = await import("../../generated/operation-table.js");
    const entries = Object.entries(operationTable);
    expect(entries).toHaveLength(123);
    // Paged by the corrected spec: a pageKey parameter and a `meta` in the answer. For the
    // knowledge collections, `meta` comes from the overlay: Dixa's description leaves it out.
    const paged = entries.filter(([, op]) => op.paged).map(([id]) => id);
    expect(paged).toHaveLength(13);
    expect(paged).toContain("getKnowledgeCollections");
    const bulk = entries
      .filter(([, op]) => op.bulkOutcomes)
      .map(([, op]) => `${op.method.toUpperCase()} ${op.path}`)
      .sort();
    expect(bulk).toEqual(
      [
        "PUT /beta/agents",
        "PATCH /beta/agents",
        "POST /beta/agents/bulk",
        "PUT /beta/endusers",
        "PATCH /beta/endusers",
        "POST /beta/endusers/bulk",
        "POST /beta/conversations/{conversationId}/notes/bulk",
        "PATCH /beta/queues/{queueId}/members",
      ].sort(),
    );
  });
});
