/**
 * `npm run build`: the package's dist/. Type declarations (with maps back to src/) come from
 * tsc; the JavaScript comes from esbuild, one ESM file per entry point with the code they share
 * in chunks. A single file per entry is what makes `import "dixa-beta"` cheap in a fresh process
 * (serverless cold starts): Node loads one module instead of a hundred.
 */
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { bundleEntryPoints } from "./lib/bundle-entry-points.js";
import { runCli } from "./lib/cli.js";
import { projectRoot } from "./lib/project-paths.js";

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

runCli("build", async () => {
  const started = performance.now();
  const dist = join(projectRoot, "dist");
  await rm(dist, { recursive: true, force: true });
  await run(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: projectRoot });
  const outputs = await bundleEntryPoints(dist);
  const ms = Math.round(performance.now() - started);
  // On stderr: `npm pack --json` runs this (prepack) and its stdout must stay JSON.
  console.error(
    `dist/: declarations, and ${outputs.length} bundled files (${outputs
      .map((file) => relative("dist", file))
      .join(", ")}) in ${ms} ms`,
  );
});
