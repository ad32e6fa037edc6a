/**
 * Every operation of the snapshot has a facade method and a function, as the generator's plan
 * says: counted from the spec, not a number kept by hand.
 */
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as dixa from "../../src/index.js";
import { createDixaClient, Paginated } from "../../src/index.js";
import { facadeOperations } from "../../src/operations/index.js";
import { argumentsFor, plan, spec } from "../contract/operation-arguments.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { projectRoot } from "../support/run-script.js";

const specOperations = Object.values(spec.paths).flatMap((item) =>
  ["get", "put", "post", "delete", "patch", "options", "head", "trace"].filter(
    (method) => typeof item[method] === "object",
  ),
);
const client = createDixaClient({ apiKey: "completeness", rateLimit: false }) as unknown as Record<
  string,
  Record<string, unknown>
>;

describe("every operation of the spec has exactly one facade method", () => {
  it("the plan covers every operation of the snapshot, and the table names none that is gone", () => {
    expect(plan.operations).toHaveLength(specOperations.length);
    expect(plan.staleNames).toEqual([]);
    expect(plan.operations.filter((o) => o.defaultName).map((o) => o.operationId)).toEqual([]);
  });

  it("each is a method of its resource and an exported function, used by one operation only", () => {
    const calls = plan.operations.map((o) => `${o.resource}.${o.name}`);
    expect(new Set(calls).size).toBe(calls.length);
    const missing = plan.operations.filter(
      (o) =>
        typeof client[o.resource]?.[o.name] !== "function" ||
        typeof (dixa as Record<string, unknown>)[o.functionName] !== "function",
    );
    expect(missing.map((o) => o.functionName)).toEqual([]);
  });

  it("facadeOperations says the same as the plan", () => {
    expect(Object.keys(facadeOperations).sort()).toEqual(
      plan.operations.map((o) => o.operationId).sort(),
    );
    for (const o of plan.operations) {
      expect(facadeOperations[o.operationId as keyof typeof facadeOperations]).toMatchObject({
        call: `${o.resource}.${o.name}`,
        docUrl: o.docUrl,
      });
    }
  });

  it("paged operations return the lazy Paginated list without sending anything", async () => {
    const server = await startLoopbackServer((_q, response) => sendJson(response, 200, {}));
    try {
      const local = createDixaClient({
        apiKey: "completeness",
        baseUrl: server.url,
        rateLimit: false,
      }) as unknown as Record<string, Record<string, Function>>;
      const paged = plan.operations.filter((o) => o.result === "pages");
      expect(paged.length).toBeGreaterThan(0);
      for (const o of paged) {
        const resource = local[o.resource]!;
        const list = resource[o.name]!.apply(resource, argumentsFor(o));
        expect(list, o.operationId).toBeInstanceOf(Paginated);
      }
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it.skipIf(!existsSync(join(projectRoot, "..", "shared", "dixa-beta", "catalog")))(
    "doc links match the reference catalog",
    async () => {
      const catalogDir = join(projectRoot, "..", "shared", "dixa-beta", "catalog");
      const known = new Map<string, Set<string>>();
      for (const file of await readdir(catalogDir)) {
        const catalog = JSON.parse(await readFile(join(catalogDir, file), "utf8")) as {
          operations: Array<{ operationId: string; docUrl: string }>;
        };
        for (const op of catalog.operations) {
          known.set(op.operationId, (known.get(op.operationId) ?? new Set()).add(op.docUrl));
        }
      }
      const mismatched = plan.operations.filter((o) => !known.get(o.operationId)?.has(o.docUrl));
      expect(mismatched.map((o) => o.operationId)).toEqual([]);
    },
  );
});
