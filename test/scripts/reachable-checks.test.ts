/**
 * Issue #21: nothing generated is never called. Every argument check the generator writes must
 * be reachable from what the package exports: an operation's row, another check, or a
 * hand-written resource. Decided by the bundler's reachability (esbuild keeps a function only
 * if something the entry exports can call it), not by a text search of the sources. In this
 * layer because esbuild runs as a process of its own.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import * as generatedChecks from "../../generated/facade/checks.js";
import { projectRoot } from "../support/run-script.js";

it("every generated check is kept in a bundle of the main entry", async () => {
  const names = Object.keys(generatedChecks);
  expect(names.length).toBeGreaterThan(0);
  const { outputFiles } = await build({
    entryPoints: [join(projectRoot, "src", "index.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    packages: "external",
    logLevel: "error",
  });
  // Not minified: the functions esbuild keeps keep their names.
  const kept = new Set(
    [...outputFiles[0]!.text.matchAll(/^function (check\w+)\(/gm)].map((m) => m[1]!),
  );
  expect(names.filter((name) => !kept.has(name))).toEqual([]);
});
