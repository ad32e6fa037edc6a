import { execFile } from "node:child_process";
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { dixaUrl, emptyPackage, heyApiPackage, orvalPackage, type PeerSetup } from "./peer.js";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url);
const dir = new URL("bench/.peers/", root);
/** The package script that builds dist/ (if the lead splits out a JS-only step, name it here). */
const buildScript = "build";

/** A child process with the project root as cwd and no inherited NODE_OPTIONS. */
async function node(args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout } = await run(process.execPath, args, {
    cwd: fileURLToPath(root),
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Builds the facade (`npm run build`), generates the hey-api and orval clients from
 * openapi/dixa-beta.yaml into bench/.peers/ (gitignored, never committed) and transpiles them to
 * JavaScript, as a user's build would, so a fresh `node` can import them.
 */
export async function setUpPeers(orvalBaseUrl: string): Promise<PeerSetup> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(new URL("apps/", dir), { recursive: true });
  // npm runs the bench, so npm_execpath names npm's own script; otherwise npm must be on PATH.
  const npm = process.env.npm_execpath;
  if (npm) await node([npm, "run", "--silent", buildScript]);
  else await run("npm", ["run", "--silent", buildScript], { cwd: fileURLToPath(root) });

  const heyApiDir = new URL("hey-api/", dir);
  // orval fixes the base URL at generation: Dixa's for the import and the bundle, as a user's
  // would be, and the bench server's for the calls.
  const orvalFile = new URL("orval/dixa-beta.ts", dir);
  const orvalLoopbackFile = new URL("orval-loopback/dixa-beta.ts", dir);
  const generator = fileURLToPath(new URL("generate.ts", import.meta.url));
  await node(["--import", "tsx", generator, "hey-api", fileURLToPath(heyApiDir)]);
  await node(["--import", "tsx", generator, "orval", fileURLToPath(orvalFile), dixaUrl]);
  await node([
    ...["--import", "tsx", generator, "orval"],
    ...[fileURLToPath(orvalLoopbackFile), orvalBaseUrl],
  ]);
  await transpile([
    ...(await typeScriptFiles(heyApiDir)),
    fileURLToPath(orvalFile),
    fileURLToPath(orvalLoopbackFile),
  ]);

  // Resolved by a plain node, in the package's own scope, as `import "dixa-beta"` resolves:
  // through package.json `exports["."]`, whatever layout the build has.
  const facadeEntry = (
    await node(["--input-type=module", "-e", 'console.log(import.meta.resolve("dixa-beta"))'])
  ).trim();
  const { version } = JSON.parse(await readFile(new URL("package.json", root), "utf8")) as {
    version: string;
  };
  const bareDir = new URL("bare/", dir);
  await installForImport(bareDir, {
    "dixa-beta": { from: root, files: ["package.json", "dist"] },
    [orvalPackage]: { from: new URL("orval/", dir), files: ["dixa-beta.js"], main: "dixa-beta.js" },
    [heyApiPackage]: { from: heyApiDir, files: ["."], main: "index.js" },
    [emptyPackage]: {
      from: new URL("./", import.meta.url),
      files: ["empty.mjs"],
      main: "empty.mjs",
    },
  });
  return {
    root,
    dir,
    facadeEntry,
    bareDir,
    facadeVersion: version,
    heyApiDir,
    orvalFile: new URL("dixa-beta.js", orvalFile),
    orvalLoopbackFile: new URL("dixa-beta.js", orvalLoopbackFile),
    orvalBaseUrl,
  };
}

async function typeScriptFiles(folder: URL): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => `${entry.parentPath}/${entry.name}`);
}

/** Each .ts to a .js beside it, module by module (no bundling: the import cost stays real). */
async function transpile(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error("the peer generators wrote no TypeScript");
  await build({
    entryPoints: files,
    outdir: fileURLToPath(dir),
    outbase: fileURLToPath(dir),
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });
}

interface Installed {
  from: URL;
  /** Files or folders under `from`, copied as they are. */
  files: string[];
  /** The module the package exports; absent when the copied package.json says. */
  main?: string;
}

/**
 * Installs each client as a package in `folder`/node_modules/, as an app's install would (real
 * folders, no symlinks), and copies the import probe beside it: a bare specifier imported from
 * there goes through Node's package resolution for every contender alike (for this facade, its
 * own package.json `exports`; for ky, axios and openapi-fetch, the project's node_modules above).
 */
async function installForImport(folder: URL, packages: Record<string, Installed>): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  for (const [name, { from, files, main }] of Object.entries(packages)) {
    const target = new URL(`node_modules/${name}/`, folder);
    await mkdir(target, { recursive: true });
    for (const file of files) {
      await cp(new URL(file, from), new URL(file, target), { recursive: true });
    }
    if (main !== undefined) {
      const manifest = { name, version: "0.0.0", type: "module", exports: `./${main}` };
      await writeFile(new URL("package.json", target), `${JSON.stringify(manifest)}\n`);
    }
  }
  await copyFile(new URL("import-probe.mjs", import.meta.url), new URL("import-probe.mjs", folder));
}
