/**
 * `npm run build`: the package's dist/. Type declarations (with maps back to src/) come from
 * tsc; the JavaScript comes from esbuild, one ESM file per entry point with the code they share
 * in chunks. A single file per entry is what makes `import "dixa-beta"` cheap in a fresh process
 * (serverless cold starts): Node loads one module instead of a hundred.
 *
 * `--if-stale` reuses the last build when nothing it is built from has changed since (how the
 * package tests, the package check and the API reference share the one build of `npm test`).
 */
import { parseArgs } from "node:util";
import { buildDist } from "./lib/build-dist.js";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "if-stale": { type: "boolean" } }, strict: true });
  const { built, bundles, ms } = await buildDist({ ifStale: values["if-stale"] ?? false });
  // On stderr: `npm pack --json` runs this (prepack) and its stdout must stay JSON.
  console.error(
    built
      ? `dist/: declarations, and ${bundles.length} bundled files (${bundles
          .map((file) => file.replace(/^dist\//, ""))
          .join(", ")}) in ${ms} ms`
      : `dist/: up to date with its sources, reused (checked in ${ms} ms)`,
  );
}

main().catch((error: unknown) => {
  // The whole message: a type error's report from tsc is several lines long.
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
