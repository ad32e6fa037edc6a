import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the script outlived `killAfterMs` and was killed. */
  killed: boolean;
}

/** Runs one of `scripts/*.ts` the way npm does (through tsx) and collects its output. */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { killAfterMs?: number } = {},
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/${script}`, ...args],
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
