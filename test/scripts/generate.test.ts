import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderTypes } from "../../scripts/lib/render-types.js";
import { projectRoot } from "../support/run-script.js";

const specText = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
const typesFile = join(projectRoot, "generated", "dixa-beta.ts");

describe("generate", () => {
  it("is deterministic and matches the committed file", async () => {
    const first = await renderTypes(specText, typesFile);
    const second = await renderTypes(specText, typesFile);
    expect(second).toBe(first);
    expect(await readFile(typesFile, "utf8")).toBe(first);
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
    const missing = operationIds.filter(
      (id) =>
        !operationsBlock.includes(`\n  ${id}: {`) && !operationsBlock.includes(`\n  "${id}": {`),
    );
    expect(missing).toEqual([]);
  });

  it("names the spec's sha256 in its header", async () => {
    const provenance = JSON.parse(
      await readFile(join(projectRoot, "openapi", "provenance.json"), "utf8"),
    );
    expect(await readFile(typesFile, "utf8")).toContain(`Spec sha256: ${provenance.sha256}`);
  });
});
