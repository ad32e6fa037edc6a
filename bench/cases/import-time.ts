import { execFile } from "node:child_process";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { frameLocation } from "../peers/attribution.js";
import type { Peer, PeerSetup } from "../peers/peer.js";
import { selfTime, topShares, type CallFrame, type CpuProfile } from "../peers/profile.js";
import type { PeerTable } from "../peers/table.js";
import { check, type Result } from "../report.js";
import { median, quantile, shuffled } from "../stats.js";

const run = promisify(execFile);
const probe = fileURLToPath(new URL("../peers/import-probe.mjs", import.meta.url));
const profiler = fileURLToPath(new URL("../peers/import-profile.mjs", import.meta.url));
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
  const baseline = new URL("../peers/empty.mjs", import.meta.url).href;
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

  // Issue #21's target: the main entry imports in at most orval's time plus 1 ms.
  const ours = medianOf(facade);
  const orval = medianOf("orval");
  const overOrval = ours - orval;
  const pass = check(overOrval, "<= 1");
  results.push(
    table.target({
      case: "1 import, fresh process",
      name: `import of dixa-beta's main entry: ${ours.toFixed(1)} ms, orval's client ${orval.toFixed(1)} ms (empty module ${medianOf("empty module").toFixed(1)} ms)`,
      value: overOrval,
      unit: "ms over orval's",
      ratio: overOrval,
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
  const samples = new Map<string, number[]>([...targets.keys()].map((key) => [key, []]));
  for (let round = 0; round < count; round++) {
    for (const [key, target] of shuffled([...targets])) {
      samples.get(key)!.push(Number((await freshNode(setup, [probe, target])).trim()));
    }
  }
  return samples;
}

/** A plain `node` (no loader, no NODE_OPTIONS) in the project root; its stdout. */
async function freshNode(setup: PeerSetup, args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout } = await run(process.execPath, args, {
    cwd: fileURLToPath(setup.root),
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/**
 * For a miss, three views of the entry's import: its module graph (esbuild's metafile, packages
 * left external as Node loads them); what importing each module and package it imports directly
 * costs alone, in fresh processes; and V8's CPU profile of the import, self time per source
 * module (inside a bundled file too), Node's module loader and V8's compiler.
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
  const own = Object.values(metafile.inputs);
  const ownBytes = own.reduce((sum, input) => sum + input.bytes, 0);
  const packages = [
    ...new Set(own.flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path))),
  ];
  const direct = metafile.inputs[relative(cwd, entry)]!.imports;
  const alone = new Map(
    direct.map((i) => [i.path, i.external ? i.path : new URL(i.path, setup.root).href]),
  );
  const aloneSamples = await sample(setup, alone, 7);
  const aloneLines = [...aloneSamples]
    .map(([path, all]) => ({ path, ms: median(all), ...subgraph(metafile, path) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(
      ({ path, ms, modules, bytes }) =>
        `${ms.toFixed(1).padStart(6)} ms  ${path}${modules ? ` (${modules} modules, ${(bytes / 1000).toFixed(0)} kB)` : " (package)"}`,
    );
  const cpu = new Map<string, number>();
  for (let i = 0; i < 5; i++) {
    const profile = JSON.parse(await freshNode(setup, [profiler, setup.facadeEntry])) as CpuProfile;
    selfTime(profile, (frame) => where(frame), cpu);
  }
  const largest = Object.entries(metafile.inputs)
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 3)
    .map(([path, input]) => `${path} ${(input.bytes / 1000).toFixed(0)} kB`);
  return [
    `the entry loads ${own.length} modules of its own (${(ownBytes / 1000).toFixed(0)} kB of JavaScript; largest ${largest.join(", ")}) and ${packages.join(", ") || "no packages"}.`,
    "Importing alone each thing it imports (median of 7 fresh processes, empty module included):",
    ...aloneLines.map((line) => `  ${line}`),
    "CPU during the import (V8 profile of 5 fresh imports, self time):",
    ...topShares(cpu, 8).map((line) => `  ${line}`),
  ].join("\n");
}

/** A profile frame's place, with Node's module loader and V8's own work named as such. */
function where(frame: CallFrame): string {
  if (frame.functionName === "compileSourceTextModule") return "V8 compiling module source";
  if (frame.url.startsWith("node:internal/modules/"))
    return "Node's module loader (resolve, read, link)";
  if (frame.functionName === "(idle)") return "(idle: waiting for file reads)";
  if (frame.url === "") return frame.functionName || "(anonymous)";
  if (frame.url.startsWith("node:")) return `Node's ${frame.url}`;
  return `running ${frameLocation(frame.url, frame.lineNumber)}`;
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
