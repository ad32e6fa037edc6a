import { execFile } from "node:child_process";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { frameLocation } from "../peers/attribution.js";
import { emptyPackage, orvalPackage, type Peer, type PeerSetup } from "../peers/peer.js";
import { selfTime, topShares, type CallFrame, type CpuProfile } from "../peers/profile.js";
import type { PeerTable } from "../peers/table.js";
import { check, type Result } from "../report.js";
import { median, quantile, shuffled } from "../stats.js";

const run = promisify(execFile);
const profiler = fileURLToPath(new URL("../peers/import-profile.mjs", import.meta.url));
// Fresh processes, interleaved: each round imports every target once, in a new order.
const rounds = 30;
const facade = "facade-core";
const caseName = "1 import, fresh process";

/**
 * How long `await import(...)` takes in a fresh `node` (no loader, no NODE_OPTIONS), timed
 * inside the process with performance.now(), next to importing an empty module (the floor every
 * figure includes). Every contender (this facade, orval's and hey-api's generated clients, the
 * empty module, ky, axios, openapi-fetch) is imported the same two ways, interleaved: by its bare
 * package name, as an app imports it (through Node's package resolver, the figure the target
 * uses), and by the file that name resolves to (no resolver). The difference is the resolver's
 * cost, printed per contender so that it can be seen to be alike for all.
 */
export async function importTime(
  peers: readonly Peer[],
  setup: PeerSetup,
  table: PeerTable,
): Promise<Result[]> {
  const names = new Map<string, string>([["empty module", emptyPackage]]);
  for (const peer of peers) {
    if (peer.importName !== undefined && ![...names.values()].includes(peer.importName))
      names.set(peer.key, peer.importName);
  }
  const files = new Map<string, string>();
  for (const [key, name] of names) files.set(key, await resolvedFile(setup, name));
  const targets = new Map<string, string>();
  for (const [key, name] of names) {
    targets.set(byName(key), name);
    targets.set(byFile(key), files.get(key)!);
  }
  const samples = await sample(setup, targets, rounds);
  const medianOf = (target: string) => median(samples.get(target)!);
  /** Per round, what the bare name cost beyond the file: the resolver's share. */
  const resolverOf = (key: string) => {
    const file = samples.get(byFile(key))!;
    return median(samples.get(byName(key))!.map((ms, round) => ms - file[round]!));
  };
  const results: Result[] = [];
  for (const key of names.keys()) {
    const all = samples.get(byName(key))!;
    const shown = files.get(key)!.replace(setup.bareDir.href, "").replace(setup.root.href, "");
    results.push({
      case: caseName,
      name: `${key}: import "${names.get(key)}" median (p90 ${quantile(all, 0.9).toFixed(1)} ms); by its file (${shown}) ${medianOf(byFile(key)).toFixed(2)} ms; resolving the name ${resolverOf(key).toFixed(2)} ms; n=${all.length}`,
      value: medianOf(byName(key)),
      unit: "ms",
    });
  }
  for (const peer of peers) {
    // Peers that import the same package (the facade's two forms) share its figure.
    const key = [...names].find(([, name]) => name === peer.importName)?.[0];
    if (key !== undefined) table.set(peer.key, { importMs: medianOf(byName(key)) });
  }
  table.footnote(
    `Import: median of ${rounds} fresh processes each, every client imported by its bare package name (bench/.peers/bare/node_modules/, the generated clients installed there as packages); importing an empty package takes ${medianOf(byName("empty module")).toFixed(1)} ms of that. The same files imported by path are listed in the bench table with the resolver's share.`,
  );

  // Issue #21's target: the main entry imports in at most orval's time plus 1 ms, both imported
  // by bare name; the same comparison by file is printed beside it.
  const ours = medianOf(byName(facade));
  const orval = medianOf(byName("orval"));
  // The median of each round's difference: a round's two imports run minutes closer together
  // than the whole stage, so a load that comes and goes moves both (the medians' difference,
  // printed too, moved by several ms beside a busy process).
  const roundsOver = (a: string, b: string) =>
    median(samples.get(a)!.map((ms, round) => ms - samples.get(b)![round]!));
  const overOrval = roundsOver(byName(facade), byName("orval"));
  const overOrvalByFile = roundsOver(byFile(facade), byFile("orval"));
  const pass = check(overOrval, "<= 1");
  results.push(
    {
      case: caseName,
      name: `the same by file (no package resolver), median of the rounds' differences: dixa-beta's main entry ${medianOf(byFile(facade)).toFixed(2)} ms, orval's client ${medianOf(byFile("orval")).toFixed(2)} ms`,
      value: overOrvalByFile,
      unit: "ms over orval's",
    },
    table.target({
      case: caseName,
      name: `import "dixa-beta" (main entry) ${ours.toFixed(2)} ms, import "${orvalPackage}" (orval's client) ${orval.toFixed(2)} ms, both by bare name (empty package ${medianOf(byName("empty module")).toFixed(2)} ms); median of the rounds' differences (the medians differ by ${(ours - orval).toFixed(2)} ms)`,
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

const byName = (key: string) => key;
const byFile = (key: string) => `${key}, by file`;

/** The file URL a bare name resolves to, from the folder the probe imports it from. */
async function resolvedFile(setup: PeerSetup, name: string): Promise<string> {
  const script = `console.log(import.meta.resolve(${JSON.stringify(name)}))`;
  const url = (await freshNode(setup, ["--input-type=module", "-e", script], setup.bareDir)).trim();
  if (!url.startsWith("file:")) throw new Error(`${name} resolved to ${url}, not a file`);
  return url;
}

/** `rounds` samples per target, in ms, each from a `node` of its own. */
async function sample(
  setup: PeerSetup,
  targets: ReadonlyMap<string, string>,
  count: number,
): Promise<Map<string, number[]>> {
  const probe = fileURLToPath(new URL("import-probe.mjs", setup.bareDir));
  const samples = new Map<string, number[]>([...targets.keys()].map((key) => [key, []]));
  for (let round = 0; round < count; round++) {
    for (const [key, target] of shuffled([...targets])) {
      const stdout = await freshNode(setup, [probe, target], setup.bareDir);
      samples.get(key)!.push(Number(stdout.trim()));
    }
  }
  return samples;
}

/** A plain `node` (no loader, no NODE_OPTIONS) in `cwd` (the project root); its stdout. */
async function freshNode(setup: PeerSetup, args: string[], cwd = setup.root): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout } = await run(process.execPath, args, {
    cwd: fileURLToPath(cwd),
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
  // What an import loads: import() targets (response validation, openapi-fetch) load later.
  const direct = metafile.inputs[relative(cwd, entry)]!.imports.filter(
    (i) => i.kind !== "dynamic-import",
  );
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
  const entryPath = relative(cwd, entry);
  const later = metafile.inputs[entryPath]!.imports.filter((i) => i.kind === "dynamic-import");
  const kB = (path: string) => `${((metafile.inputs[path]?.bytes ?? 0) / 1000).toFixed(0)} kB`;
  return [
    `the entry is ${entryPath} (${kB(entryPath)}) and imports ${direct.map((i) => i.path).join(", ") || "nothing"}; loaded later, with import(): ${later.map((i) => (i.external ? i.path : `${i.path} (${kB(i.path)})`)).join(", ") || "nothing"} (${own.length} files, ${(ownBytes / 1000).toFixed(0)} kB in all, packages ${packages.join(", ") || "none"}).`,
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
