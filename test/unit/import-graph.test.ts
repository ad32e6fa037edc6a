/**
 * The shape of the import graph of src/ and generated/, type-only imports included, checked by
 * dependency-cruiser: no cycle anywhere; generated code reaches src/ through one runtime module
 * only; nothing generated imports the hand-written resources (they extend the generated ones).
 */
import { cruise, type IForbiddenRuleType } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const rules: IForbiddenRuleType[] = [
  { name: "no-cycle", from: {}, to: { circular: true } },
  {
    name: "generated-code-reaches-src-through-its-runtime-module",
    from: { path: "^generated/" },
    to: { path: "^src/", pathNot: "^src/runtime\\.ts$" },
  },
  {
    name: "generated-code-never-imports-hand-written-resources",
    from: { path: "^generated/" },
    to: { path: "^src/resources/" },
  },
];

async function cruiseSources() {
  const { output } = await cruise(["src", "generated"], {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    validate: true,
    ruleSet: { forbidden: rules.map((rule) => ({ severity: "error", ...rule })) },
    tsConfig: { fileName: "tsconfig.json" },
  });
  if (typeof output === "string") throw new Error("dependency-cruiser returned text, not a result");
  return output;
}

describe("the import graph of src/ and generated/", () => {
  it("has no cycle, and generated code reaches src/ only through src/runtime.ts", async () => {
    const output = await cruiseSources();
    // The rules name real modules: the edge they allow is in the graph.
    const functions = output.modules.find((m) => m.source === "generated/facade/functions.ts");
    expect(functions?.dependencies.map((d) => d.resolved)).toContain("src/runtime.ts");
    const violations = output.summary.violations.map((v) => {
      const cycle = v.cycle?.map((step) => step.name).join(" -> ");
      return `${v.rule.name}: ${v.from} -> ${cycle ?? v.to}`;
    });
    expect(violations).toEqual([]);
  }, 60_000);
});
