import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operationTable, type OperationId } from "../../generated/operation-table.js";
import { coverageFile, renderCoverageFile } from "../../scripts/lib/render-coverage.js";
import { createDixaClient, facadeOperations, Paginated } from "../../src/index.js";
import { projectRoot } from "../support/run-script.js";

const client = createDixaClient({ apiKey: "coverage-test", rateLimit: false }) as unknown as Record<
  string,
  Record<string, unknown>
>;
const specIds = Object.keys(operationTable) as OperationId[];
const mappedIds = Object.keys(facadeOperations);

describe("every operation of the spec has exactly one facade method", () => {
  it("no operation of the snapshot is unmapped", () => {
    expect(specIds.filter((id) => !(id in facadeOperations))).toEqual([]);
    expect(specIds).toHaveLength(123);
  });

  it("no facade method names an operation that no longer exists", () => {
    expect(mappedIds.filter((id) => !(id in operationTable))).toEqual([]);
  });

  it("each mapped call is a method on the client, used by one operation only", () => {
    const calls = specIds.map((id) => facadeOperations[id].call);
    expect(new Set(calls).size).toBe(calls.length);
    const missing = calls.filter((call) => {
      const [resource, method] = call.split(".") as [string, string];
      return typeof client[resource]?.[method] !== "function";
    });
    expect(missing).toEqual([]);
  });

  it("paged operations return the lazy Paginated list, without sending anything", () => {
    const paged = specIds.filter((id) => operationTable[id].paged);
    expect(paged).toHaveLength(13);
    for (const id of paged) {
      const [resource, method] = facadeOperations[id].call.split(".") as [string, string];
      const source = readFileSync(
        join(projectRoot, "src", "resources", `${fileOf(resource)}.ts`),
        "utf8",
      );
      // A paged method is synchronous and declared to return Paginated<...>.
      expect(source, id).toMatch(new RegExp(`\\n  ${method}\\([^)]*\\)[^{]*: Paginated<`, "s"));
    }
    expect(Paginated).toBeTypeOf("function");
  });

  it("each method's doc comment links its reference page", () => {
    const wrong: string[] = [];
    for (const id of specIds) {
      const { call, docUrl } = facadeOperations[id];
      const [resource, method] = call.split(".") as [string, string];
      const source = readFileSync(
        join(projectRoot, "src", "resources", `${fileOf(resource)}.ts`),
        "utf8",
      );
      const at = source.search(new RegExp(`\\n  (async )?${method}(<[^(]*>)?\\(`));
      const doc = source.slice(source.lastIndexOf("/**", at), at);
      if (at < 0 || !doc.includes(`@see ${docUrl}`)) wrong.push(`${call} (${id})`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(!existsSync(join(projectRoot, "..", "shared", "dixa-beta", "catalog")))(
    "doc links match the reference catalog",
    async () => {
      const catalogDir = join(projectRoot, "..", "shared", "dixa-beta", "catalog");
      const { readdir } = await import("node:fs/promises");
      const known = new Map<string, Set<string>>();
      for (const file of await readdir(catalogDir)) {
        const catalog = JSON.parse(await readFile(join(catalogDir, file), "utf8")) as {
          operations: Array<{ operationId: string; docUrl: string }>;
        };
        for (const op of catalog.operations) {
          known.set(op.operationId, (known.get(op.operationId) ?? new Set()).add(op.docUrl));
        }
      }
      const mismatched = specIds.filter((id) => !known.get(id)?.has(facadeOperations[id].docUrl));
      expect(mismatched).toEqual([]);
    },
  );

  it("each facade method is called by a contract test against Prism", () => {
    const dir = join(projectRoot, "test", "contract");
    const contractSource = readdirSync(dir)
      .filter((file) => file.endsWith(".contract.test.ts"))
      .map((file) => readFileSync(join(dir, file), "utf8"))
      .join("\n")
      .replace(/\n\s*/g, ""); // calls split over lines by prettier read as one
    const untested = specIds
      .map((id) => facadeOperations[id].call)
      .filter((call) => !contractSource.includes(`.${call}(`));
    expect(untested).toEqual([]);
  });

  it("docs/coverage.md is up to date (run `npm run docs:coverage`)", async () => {
    expect(await readFile(coverageFile, "utf8")).toBe(await renderCoverageFile());
  });
});

/** Resource property name → file name: `endUsers` → `end-users`. */
function fileOf(resource: string): string {
  return resource.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
