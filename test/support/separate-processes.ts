/**
 * Processes a test starts beside itself: the arrival-recording server (so its clock and event
 * loop are not the client's) and a CPU-bound hog (so a claim is checked on a busy machine, not
 * only on an idle one). Both are killed on stop, and with the test process if it dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { constants, setPriority } from "node:os";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function track(child: ChildProcess): () => Promise<void> {
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    running.delete(child);
  };
}

export interface ArrivalServer {
  url: string;
  /** Arrival times (ms, the server's clock) of accepted requests and the 429s, per token. */
  arrivals(): Promise<Record<string, { accepted: number[]; rejected: number }>>;
  stop(): Promise<void>;
}

export async function startArrivalServer(): Promise<ArrivalServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/arrival-server.ts"], {
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const stop = track(child);
  asDixasGateway(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      const match = /listening (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`arrival server exited (${code}): ${seen}`)));
  });
  return {
    url,
    arrivals: async () => (await (await fetch(`${url}/__arrivals`)).json()) as never,
    stop,
  };
}

/**
 * A server that stands for Dixa's gateway runs ahead of the machine's other work. It records
 * arrivals when its event loop gets to them: on a busy 2-core machine a server kept waiting
 * for the CPU stamps requests that came in over a few hundred ms all at once (12 and 14 in
 * a rolling second, a 429), though the gateway it stands for has a machine of its own.
 * Raising a priority needs root (CI runs as root); without it the server keeps the default.
 */
export function asDixasGateway(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, constants.priority.PRIORITY_HIGH);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EACCES") throw error;
  }
}

/** A process that keeps one core busy until stopped. */
export function startCpuHog(): { stop: () => Promise<void> } {
  const child = spawn(process.execPath, ["-e", "for (;;);"], { stdio: "ignore" });
  return { stop: track(child) };
}
