import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { readFile } from "node:fs/promises";
import { writeCorrectedSnapshot } from "./corrected-snapshot.js";
import { validateSpecText } from "./spec-document.js";

export interface PrismServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops Prism and waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Served as is; by default, the snapshot as corrected by openapi/dixa-beta.overlay.yaml. */
  specFile?: string;
  /** Generate answers from the schemas instead of serving the examples. */
  dynamic?: boolean;
  /** Also fail answers that break the spec (Prism's --errors). */
  errors?: boolean;
  startupTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
// If the parent dies without stopping its mock servers, take them along: no orphans.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts Prism (@stoplight/prism-cli) on a free loopback port serving the spec snapshot (as the
 * overlay corrects it, unless given another file), and
 * resolves once it answers HTTP. Prism validates every request against the spec and answers
 * 400/401/422 to one that breaks it, which is what makes it a contract check.
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  const corrected = options.specFile === undefined ? await writeCorrectedSnapshot() : undefined;
  const specFile = options.specFile ?? corrected!.file;
  // Prism resolves references itself: refuse (with the reason) a description that points
  // outside itself, as every other tool of the pipeline does, before Prism sees it.
  validateSpecText(await readFile(specFile, "utf8"));
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
  const args = [cli, "mock", "-h", "127.0.0.1", "-p", String(port), "-v", "warn", specFile];
  if (options.dynamic) args.push("--dynamic");
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    await corrected?.remove();
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await corrected?.remove();
      throw new Error(
        `Prism exited with code ${child.exitCode} before listening: ${output.trim()}`,
      );
    }
    if (await answers(url)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(
    `Prism did not listen on ${url} within ${options.startupTimeoutMs ?? 60_000} ms: ${output.trim()}`,
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/beta/organization`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
