import { spawn } from "node:child_process";

export interface TypesChild {
  /** Hands over the validated document; resolves with generated/dixa-beta.ts. */
  render(document: object, specSha256: string): Promise<string>;
  /** Stops the child when there is nothing to hand it (the spec did not validate). */
  cancel(): void;
}

/**
 * openapi-typescript in a process of its own, on the second core: loading it (it brings the
 * TypeScript compiler and its own redocly) and rendering the types is the longest part of
 * `npm run generate`, and here it overlaps validation and the facade. It starts loading at
 * once and gets the document once validated. (A worker thread gained nothing: it shares the
 * process's compiler and GC threads.)
 */
export function startTypesChild(): TypesChild {
  const child = spawn(
    process.execPath,
    [new URL("./render-types-child.mjs", import.meta.url).pathname],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  // A cancelled child's closed pipe is expected, not an error.
  child.stdin.on("error", () => undefined);
  const finished = new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(Buffer.concat(err).toString("utf8").trim() || `exit code ${code}`));
    });
  });
  finished.catch(() => undefined);
  return {
    render(document, specSha256) {
      child.stdin.end(JSON.stringify({ document, specSha256 }));
      return finished;
    },
    cancel() {
      child.kill();
    },
  };
}
