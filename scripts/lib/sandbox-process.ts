import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./project-paths.js";

export interface SandboxProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  prismUrl: string;
  /** Stops the sandbox and its Prism and waits for them. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts the sandbox (`scripts/mock-server.ts`) in a process of its own, so the server counts
 * arrivals on its own clock and event loop, as Dixa does, not on the client's. `args` are
 * mock-server flags (e.g. `--list-size`, `--prism-url`). Resolves once it listens.
 */
export async function startSandboxProcess(
  args: string[] = [],
  startupTimeoutMs = 120_000,
): Promise<SandboxProcess> {
  const child = fork(join(projectRoot, "scripts", "mock-server.ts"), args, {
    cwd: projectRoot,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  running.add(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { url, prismUrl } = await new Promise<{ url: string; prismUrl: string }>(
      (resolve, reject) => {
        child.once("message", (message) => resolve(message as { url: string; prismUrl: string }));
        child.once("exit", (code) =>
          reject(
            new Error(`the sandbox exited with code ${code} before listening: ${stderr.trim()}`),
          ),
        );
        timer = setTimeout(
          () => reject(new Error(`the sandbox did not listen within ${startupTimeoutMs} ms`)),
          startupTimeoutMs,
        );
      },
    );
    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          // Closing the IPC channel is the sandbox's signal to stop Prism and exit.
          child.disconnect();
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(kill);
        }
      })());
    return { url, prismUrl, stop };
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
