import { writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { join, relative as pathRelative } from "node:path";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { bytesBySourceModule } from "../peers/attribution.js";
import type { Peer, PeerSetup } from "../peers/peer.js";
import type { PeerTable } from "../peers/table.js";
import { check, type Result } from "../report.js";

const facade = "facade-core";

/**
 * The bytes an app ships to create one note with each client: one small app per client
 * (bench/peers/*), bundled by esbuild (--bundle --minify --splitting, ESM, platform neutral),
 * gzip level 9: the entry and what it imports statically; a chunk imported with import() (the
 * response validator, loaded when validation is on) is reported apart. Node built-ins cannot be
 * bundled, so they stay external and are named.
 */
export async function bundleSize(
  peers: readonly Peer[],
  setup: PeerSetup,
  table: PeerTable,
): Promise<Result[]> {
  const results: Result[] = [];
  const sizes = new Map<string, Bundled>();
  for (const peer of peers) {
    const app = new URL(`apps/${peer.key}.js`, setup.dir);
    await writeFile(app, peer.app);
    const neutral = await bundle(app, setup, "neutral");
    sizes.set(peer.key, neutral);
    results.push(
      {
        case: "1 bundle: create one note",
        name: `${peer.key}, gzip -9`,
        value: neutral.gzip,
        unit: "bytes",
      },
      {
        case: "1 bundle: create one note",
        name: `${peer.key}, minified`,
        value: neutral.minified,
        unit: "bytes",
      },
    );
    if (neutral.lazyGzip > 0) {
      results.push({
        case: "1 bundle: create one note",
        name: `${peer.key}, chunks loaded only when used (import()), gzip -9`,
        value: neutral.lazyGzip,
        unit: "bytes",
      });
    }
    if (neutral.builtins.length === 0) {
      table.set(peer.key, { gzipBytes: neutral.gzip });
      continue;
    }
    // Resolved for no platform, the package handed over its Node build, which runs nowhere
    // else; outside Node an app ships its browser build, so that is the figure in the table.
    const browser = await bundle(app, setup, "browser");
    table.set(peer.key, { gzipBytes: browser.gzip });
    results.push({
      case: "1 bundle: create one note",
      name: `${peer.key}, gzip -9, platform browser (its browser build)`,
      value: browser.gzip,
      unit: "bytes",
    });
    table.footnote(
      `Bundle: ${peer.label} resolves to its Node build for platform neutral (${kB(neutral.gzip)} gzip, and Node built-ins left external: ${neutral.builtins.join(", ")}); its row shows its browser build (esbuild platform browser${browser.builtins.length ? `, still needing ${browser.builtins.join(", ")}` : ""}).`,
    );
  }
  table.footnote(
    "Bundle: esbuild --bundle --minify --splitting, ESM, platform neutral, then gzip -9 of the entry and its static imports (chunks loaded with import() are listed apart); this facade's row is its modular form (createDixaCore + notesCreate), the createDixaClient row the same app through client.notes.create.",
  );
  const ours = sizes.get(facade)!;
  const heyApi = sizes.get("hey-api")!.gzip;
  const ratio = ours.gzip / heyApi;
  const pass = check(ratio, "<= 1");
  results.push(
    table.target({
      case: "1 bundle: create one note",
      name: `bundle creating one note, gzip: this facade (createDixaCore + notesCreate) ${kB(ours.gzip)}, hey-api ${kB(heyApi)}`,
      value: ratio,
      unit: "x hey-api's",
      ratio,
      target: "<= 1",
      pass,
      ...(!pass && { note: await largestModules(new URL(`apps/${facade}.js`, setup.dir), setup) }),
    }),
  );
  return results;
}

interface Bundled {
  /** What the app loads to create the note: its entry and the chunks it imports statically. */
  gzip: number;
  minified: number;
  /** Chunks it imports only with `import()` (the response validator), loaded when used. */
  lazyGzip: number;
  /** Node built-ins the bundle imports (they cannot be bundled, so they stay external). */
  builtins: string[];
}

function bundleOptions(app: URL, setup: PeerSetup, platform: "neutral" | "browser") {
  return {
    entryPoints: [fileURLToPath(app)],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    // Platform neutral reads no main fields by default; packages without `exports` need these.
    ...(platform === "neutral" && { mainFields: ["module", "main"] }),
    external: [...builtinModules, "node:*"],
    write: false,
    outdir: fileURLToPath(new URL("apps/out/", setup.dir)),
    // As an app's bundler does: what is imported with import() becomes a chunk of its own,
    // loaded when used, and is not counted as what creating a note ships.
    splitting: true,
    absWorkingDir: fileURLToPath(setup.root),
    logLevel: "error",
  } satisfies BuildOptions;
}

async function bundle(
  app: URL,
  setup: PeerSetup,
  platform: "neutral" | "browser",
): Promise<Bundled> {
  const { outputFiles, metafile } = await build({
    ...bundleOptions(app, setup, platform),
    metafile: true,
  });
  const eager = eagerOutputs(metafile);
  const gzip = (files: typeof outputFiles) =>
    files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
  const isEager = (file: { path: string }) => eager.has(relative(setup, file.path));
  const loaded = outputFiles.filter(isEager);
  const builtins = new Set(
    Object.values(metafile.inputs).flatMap((input) =>
      input.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, "")),
    ),
  );
  return {
    gzip: gzip(loaded),
    minified: loaded.reduce((sum, file) => sum + file.contents.length, 0),
    lazyGzip: gzip(outputFiles.filter((file) => !isEager(file) && file.path.endsWith(".js"))),
    builtins: [...builtins].sort(),
  };
}

/** The entry's output and the chunks reached from it by static imports (metafile paths). */
export function eagerOutputs(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined);
  const eager = new Set<string>();
  const stack = entry === undefined ? [] : [entry];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (eager.has(path) || outputs[path] === undefined) continue;
    eager.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === "import-statement") stack.push(i.path);
  }
  return eager;
}

/** An output file's path as the metafile names it (relative to the working directory). */
function relative(setup: PeerSetup, path: string): string {
  return pathRelative(fileURLToPath(setup.root), path);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The source modules that put the most bytes into the minified app, read from its source map,
 * so a build that bundles the package into one file still names the modules inside it.
 */
async function largestModules(app: URL, setup: PeerSetup): Promise<string> {
  const outdir = fileURLToPath(new URL("apps/out/", setup.dir));
  const { outputFiles, metafile } = await build({
    ...bundleOptions(app, setup, "neutral"),
    sourcemap: "external",
    outdir,
    metafile: true,
  });
  const [entry] = [...eagerOutputs(metafile)].map((path) => join(fileURLToPath(setup.root), path));
  const code = outputFiles.find((file) => file.path === entry)!.text;
  const map = JSON.parse(outputFiles.find((file) => file.path === `${entry}.map`)!.text) as {
    sources: string[];
    mappings: string;
  };
  const bytes = bytesBySourceModule(code, map, outdir);
  const lines = [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([module, count]) => `${kB(count).padStart(8)} minified  ${module}`);
  return [
    `largest modules of the bundle (of ${kB(Buffer.byteLength(code))} minified):`,
    ...lines,
  ].join("\n");
}
