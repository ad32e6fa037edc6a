import { execFile } from "node:child_process";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import type { Peer, PeerSetup } from "../peers/peer.js";
import type { PeerTable } from "../peers/table.js";
import { check, type Result } from "../report.js";
import { median, quantile, shuffled } from "../stats.js";

const run = promisify(execFile);
// Fresh processes, interleaved: each round imports every target once, in a new order.
const rounds = 20;
const facade = "facade-core";

/**
 * How long `await import(client)` takes in a fresh `node` (no loader, no NODE_OPTIONS), timed
 * inside the process with performance.now(), next to importing an empty module (the floor every
 * figure includes).
 */
export async function importTime(
  peers: readonly Peer[],
  setup: PeerSetup,
  table: PeerTable,
): Promise<Result[]> {
  const baseline = new URL("empty.mjs", setup.dir).href;
  const targets = new Map<string, string>([["empty module", baseline]]);
  for (const peer of peers) {
    if (peer.importTarget !== undefined && ![...targets.values()].includes(peer.importTarget))
      targets.set(peer.key, peer.importTarget);
  }
  const samples = await sample(setup, targets, rounds);
  const medianOf = (key: string) => median(samples.get(key)!);
  const results: Result[] = [];
  for (const [key, all] of samples) {
    results.push({
      case: "1 import, fresh process",
      name: `${key} (${targets.get(key)!.replace(setup.root.href, "")}) median, p90 ${quantile(all, 0.9).toFixed(1)} ms, n=${all.length}`,
      value: median(all),
      unit: "ms",
    });
  }
  for (const peer of peers) {
    const key = [...targets].find(([, target]) => target === peer.importTarget)?.[0];
    if (key !== undefined) table.set(peer.key, { importMs: medianOf(key) });
  }
  table.footnote(
    `Import: median of ${rounds} fresh processes each; importing an empty module takes ${medianOf("empty module").toFixed(1)} ms of that.`,
  );

  const ours = medianOf(facade);
  const orval = medianOf("orval");
  const ratio = ours / orval;
  const pass = check(ratio, "<= 1");
  results.push(
    table.target({
      case: "1 import, fresh process",
      name: `import of dixa-beta's main entry: ${ours.toFixed(1)} ms, orval's client ${orval.toFixed(1)} ms (empty module ${medianOf("empty module").toFixed(1)} ms)`,
      value: ratio,
      unit: "x orval's",
      ratio,
      target: "<= 1",
      pass,
      ...(!pass && { note: await whereImportTimeGoes(setup) }),
    }),
  );
  return results;
}

/** `rounds` samples per target, in ms, each from a `node` of its own. */
async function sample(
  setup: PeerSetup,
  targets: ReadonlyMap<string, string>,
  count: number,
): Promise<Map<string, number[]>> {
  const probe = fileURLToPath(new URL("import-probe.mjs", setup.dir));
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const samples = new Map<string, number[]>([...targets.keys()].map((key) => [key, []]));
  for (let round = 0; round < count; round++) {
    for (const [key, target] of shuffled([...targets])) {
      const { stdout } = await run(process.execPath, [probe, target], {
        cwd: fileURLToPath(setup.root),
        env,
      });
      samples.get(key)!.push(Number(stdout.trim()));
    }
  }
  return samples;
}

/**
 * For a miss: the entry's module graph (from esbuild's metafile, third-party packages left
 * external as Node loads them) and the import time of each module the entry imports directly,
 * with everything beneath it, in fresh processes: the largest say where the time goes.
 */
async function whereImportTimeGoes(setup: PeerSetup): Promise<string> {
  const entry = fileURLToPath(setup.facadeEntry);
  const cwd = fileURLToPath(setup.root);
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "error",
    absWorkingDir: cwd,
  });
  const entryPath = relative(cwd, entry);
  const own = Object.entries(metafile.inputs);
  const external = new Set(
    own.flatMap(([, input]) => input.imports.filter((i) => i.external).map((i) => i.path)),
  );
  const direct = metafile.inputs[entryPath]!.imports.filter((i) => !i.external).map((i) => i.path);
  const targets = new Map(direct.map((path) => [path, new URL(path, setup.root).href]));
  const samples = await sample(setup, targets, 7);
  const lines = [...samples]
    .map(([path, all]) => ({ path, ms: median(all), ...subgraph(metafile, path) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(
      ({ path, ms, modules, bytes }) =>
        `${ms.toFixed(1)} ms  ${path} alone (${modules} modules, ${(bytes / 1000).toFixed(0)} kB beneath it)`,
    );
  const totalBytes = own.reduce((sum, [, input]) => sum + input.bytes, 0);
  return [
    `the entry loads ${own.length} modules of its own (${(totalBytes / 1000).toFixed(0)} kB of JavaScript) and ${[...external].join(", ") || "no packages"}; importing what it imports directly, each in a fresh process:`,
    ...lines,
  ].join("\n");
}

function subgraph(metafile: Metafile, from: string): { modules: number; bytes: number } {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || metafile.inputs[path] === undefined) return;
    seen.add(path);
    for (const next of metafile.inputs[path]!.imports) if (!next.external) visit(next.path);
  };
  visit(from);
  let bytes = 0;
  for (const path of seen) bytes += metafile.inputs[path]!.bytes;
  return { modules: seen.size, bytes };
}
