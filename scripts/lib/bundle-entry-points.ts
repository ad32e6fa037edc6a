import { join } from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { projectRoot } from "./project-paths.js";

/** The package's entry points: exports subpath → source. */
export const entryPoints = {
  index: "src/index.ts",
  testing: "src/testing/index.ts",
  webhooks: "src/webhooks/index.ts",
  redis: "src/redis/index.ts",
  otel: "src/otel/index.ts",
  // The table of operations, for tools: kept out of the main entry, which every app imports.
  operations: "src/operations/index.ts",
  // Types only: an empty module, so that an import of dixa-beta/types also resolves at run time.
  types: "generated/dixa-beta.ts",
} as const;

/**
 * Bundles the entry points into `outDir` (the JavaScript half of the build). The main entry is
 * one file of its own, its whitespace and syntax minified (names kept, so stack traces and class
 * names read as in the source): `import "dixa-beta"` in a fresh process (a serverless cold start)
 * reads and compiles one smaller module, not one and the chunks it would share with the other
 * entries (what it shares with them is stateless: the limiter's rule, the argument checks).
 * Minifying drops `@__PURE__` marks, so nothing in it relies on them: the generated checks are
 * function declarations and the tables plain objects, which an app's bundler leaves out when
 * unused all the same. The other entries share their common code in chunks. `plugins`: for the
 * bench, which builds the package again with a module replaced to measure what it costs.
 */
export async function bundleEntryPoints(outDir: string, plugins: Plugin[] = []): Promise<string[]> {
  const common: BuildOptions = {
    absWorkingDir: projectRoot,
    outdir: outDir,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // What the user installs (or provides) stays a separate import.
    packages: "external",
    legalComments: "inline",
    metafile: true,
    logLevel: "warning",
    plugins,
  };
  const source = (path: string) => join(projectRoot, path);
  const { index, ...rest } = entryPoints;
  const main = await build({
    ...common,
    entryPoints: { index: source(index) },
    minify: true,
    // Names are minified too; the map (sources: the package's own src/ and generated/) gives
    // them back to `node --enable-source-maps` and to an app's bundler.
    sourcemap: "linked",
    sourcesContent: false,
    // Only for what it loads when first needed (`import()`: response validation's report, the
    // raw client): everything it imports statically is in the one file.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
  const others = await build({
    ...common,
    entryPoints: Object.fromEntries(
      Object.entries(rest).map(([name, path]) => [name, source(path)]),
    ),
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
  return [...Object.keys(main.metafile!.outputs), ...Object.keys(others.metafile!.outputs)];
}
