import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the script outlived `killAfterMs` and was killed. */
  killed: boolean;
}

/**
 * Runs one of `scripts/*.ts` as `npm run` does, in a process of its own, and collects its
 * output. npm starts it through tsx; in the integration layer it is compiled once per test
 * process instead (see `compiledScript`), so each run starts as plain Node: tsx adds about
 * 150 ms to every start, and some test files run a script dozens of times.
 */
export async function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { killAfterMs?: number } = {},
): Promise<ScriptResult> {
  const bundleDir = inject("scriptBundleDir");
  const command =
    bundleDir === undefined
      ? ["--import", "tsx", `scripts/${script}`]
      : [await compiledScript(script, bundleDir)];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...command, ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, ...env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.killAfterMs ?? 0,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, killed: error?.killed ?? false });
      },
    );
  });
}

const compiled = new Map<string, Promise<string>>();

/**
 * `scripts/<script>` and the project's modules it imports, bundled into one ESM file by esbuild
 * (packages stay imports of node_modules, as under tsx), in the folder the integration layer's
 * setup made (test/support/script-bundles.ts). Each module keeps its own `import.meta.url`, so
 * paths a script finds from its own file (the project root, a child process's file beside it)
 * are what they are under tsx. Built on first use in this process, from the sources as they are
 * then (so a watch-mode rerun sees an edit).
 */
function compiledScript(script: string, bundleDir: string): Promise<string> {
  let file = compiled.get(script);
  if (!file) {
    file = compile(script, join(bundleDir, `${script.replace(/\.ts$/, "")}-${process.pid}.mjs`));
    compiled.set(script, file);
  }
  return file;
}

async function compile(script: string, outfile: string): Promise<string> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(projectRoot, "scripts", script)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    plugins: [
      {
        name: "own-import-meta-url",
        setup(plugin) {
          plugin.onLoad({ filter: /\.[cm]?ts$/ }, ({ path }) => ({
            contents: readFileSync(path, "utf8").replaceAll(
              "import.meta.url",
              JSON.stringify(pathToFileURL(path).href),
            ),
            loader: "ts",
          }));
        },
      },
    ],
  });
  return outfile;
}
