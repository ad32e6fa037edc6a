/**
 * The package's dist/: declarations (with maps back to src/) from tsc, which also type-checks
 * the package alone (tsconfig.build.json: no @types/node), and the JavaScript from esbuild.
 *
 * One build serves a whole `npm test`: the package tests, the package check and the API
 * reference reuse it. Each build records a fingerprint of what it was built from and of what it
 * wrote; with `ifStale`, a build whose fingerprints still match is reused instead of redone.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { bundleEntryPoints } from "./bundle-entry-points.js";
import { projectRoot } from "./project-paths.js";

export const distDir = join(projectRoot, "dist");
/** Outside dist/, so that it never ships in the tarball. */
const stampFile = join(projectRoot, "node_modules", ".cache", "dixa-beta", "dist-build.json");
/** Everything the build reads: the sources, the configs, the tools' versions, the build itself. */
const inputs = [
  "src",
  "generated",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/build.ts",
  "scripts/lib/build-dist.ts",
  "scripts/lib/bundle-entry-points.ts",
];

interface Stamp {
  inputs: string;
  outputs: string;
}

export interface DistBuild {
  /** False when an earlier build of the same inputs was reused. */
  built: boolean;
  /** The bundled files, relative to the project. */
  bundles: string[];
  ms: number;
}

export async function buildDist(options: { ifStale?: boolean } = {}): Promise<DistBuild> {
  const started = performance.now();
  const inputsNow = await fingerprint(inputs);
  if (options.ifStale) {
    const stamp = await readStamp();
    if (stamp?.inputs === inputsNow && stamp.outputs === (await fingerprint(["dist"]))) {
      return { built: false, bundles: [], ms: Math.round(performance.now() - started) };
    }
  }
  await rm(stampFile, { force: true });
  await rm(distDir, { recursive: true, force: true });
  await typecheckAndDeclare();
  const bundles = await bundleEntryPoints(distDir);
  const stamp: Stamp = { inputs: inputsNow, outputs: await fingerprint(["dist"]) };
  await mkdir(join(stampFile, ".."), { recursive: true });
  await writeFile(stampFile, JSON.stringify(stamp));
  return { built: true, bundles, ms: Math.round(performance.now() - started) };
}

/** tsc -p tsconfig.build.json; on a type error, the error is tsc's own report. */
function typecheckAndDeclare(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [tsc, "-p", "tsconfig.build.json", "--pretty", "false"],
      { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        const report = `${stdout}${stderr}`.trim() || error.message;
        reject(new Error(`tsc -p tsconfig.build.json found errors:\n${report}`));
      },
    );
  });
}

async function readStamp(): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(stampFile, "utf8")) as Stamp;
  } catch {
    return undefined; // no build recorded yet
  }
}

/** SHA-256 over the paths and contents of every file under `paths` (missing paths included). */
async function fingerprint(paths: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const path of paths) {
    for (const file of await filesUnder(join(projectRoot, path))) {
      hash.update(`${relative(projectRoot, file)}\0`);
      hash.update(await readFile(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

async function filesUnder(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") return [path];
    if (code === "ENOENT") return [];
    throw error;
  }
}
