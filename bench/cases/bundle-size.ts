import { writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";
import { bytesBySourceModule } from "../peers/attribution.js";
import type { Peer, PeerSetup } from "../peers/peer.js";
import type { PeerTable } from "../peers/table.js";
import { check, type Result } from "../report.js";

const facade = "facade-core";

/**
 * The bytes an app ships to create one note with each client: one small app per client
 * (bench/peers/*), bundled by esbuild (--bundle --minify, ESM, platform neutral), gzip level 9.
 * Node built-ins cannot be bundled, so they stay external and are named.
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
    "Bundle: esbuild --bundle --minify, ESM, platform neutral, then gzip -9; this facade's row is its modular form (createDixaCore + notesCreate), the createDixaClient row the same app through client.notes.create.",
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
  gzip: number;
  minified: number;
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
  const code = outputFiles[0]!.contents;
  const builtins = new Set(
    Object.values(metafile.inputs).flatMap((input) =>
      input.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, "")),
    ),
  );
  return {
    gzip: gzipSync(code, { level: 9 }).length,
    minified: code.length,
    builtins: [...builtins].sort(),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The source modules that put the most bytes into the minified app, read from its source map,
 * so a build that bundles the package into one file still names the modules inside it.
 */
async function largestModules(app: URL, setup: PeerSetup): Promise<string> {
  const outdir = fileURLToPath(new URL("apps/out/", setup.dir));
  const { outputFiles } = await build({
    ...bundleOptions(app, setup, "neutral"),
    sourcemap: "external",
    outdir,
  });
  const code = outputFiles.find((file) => file.path.endsWith(".js"))!.text;
  const map = JSON.parse(outputFiles.find((file) => file.path.endsWith(".js.map"))!.text) as {
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
