import { writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
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
      ...(!pass && { note: largestInputs(ours.metafile) }),
    }),
  );
  return results;
}

interface Bundled {
  gzip: number;
  minified: number;
  /** Node built-ins the bundle imports (they cannot be bundled, so they stay external). */
  builtins: string[];
  metafile: Metafile;
}

async function bundle(
  app: URL,
  setup: PeerSetup,
  platform: "neutral" | "browser",
): Promise<Bundled> {
  const { outputFiles, metafile } = await build({
    entryPoints: [fileURLToPath(app)],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    // Platform neutral reads no main fields by default; packages without `exports` need these.
    ...(platform === "neutral" && { mainFields: ["module", "main"] }),
    external: [...builtinModules, "node:*"],
    write: false,
    metafile: true,
    outdir: fileURLToPath(new URL("apps/out/", setup.dir)),
    absWorkingDir: fileURLToPath(setup.root),
    logLevel: "error",
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
    metafile,
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The modules that put the most bytes into the (minified, not yet gzipped) output. */
function largestInputs(metafile: Metafile): string {
  const output = Object.values(metafile.outputs)[0]!;
  const lines = Object.entries(output.inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 6)
    .map(([path, { bytesInOutput }]) => `${kB(bytesInOutput).padStart(8)} minified  ${path}`);
  return [`largest modules of the bundle (of ${kB(output.bytes)} minified):`, ...lines].join("\n");
}
