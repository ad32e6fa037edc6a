import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { projectRoot } from "./project-paths.js";

/** The package's entry points: exports subpath → source. */
export const entryPoints = {
  index: "src/index.ts",
  testing: "src/testing/index.ts",
  webhooks: "src/webhooks/index.ts",
  redis: "src/redis/index.ts",
  otel: "src/otel/index.ts",
  // Types only: an empty module, so that an import of dixa-beta/types also resolves at run time.
  types: "generated/dixa-beta.ts",
} as const;

/**
 * Bundles the entry points into `outDir` (the JavaScript half of the build). `plugins`: for the
 * bench, which builds the package again with a module replaced to measure what it costs.
 */
export async function bundleEntryPoints(outDir: string, plugins: Plugin[] = []): Promise<string[]> {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, source]) => [name, join(projectRoot, source)]),
    ),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // What the user installs (or provides) stays a separate import.
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    legalComments: "inline",
    metafile: true,
    logLevel: "warning",
    plugins,
  });
  return Object.keys(result.metafile.outputs);
}
