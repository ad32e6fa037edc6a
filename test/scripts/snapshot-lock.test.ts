import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockFileName, withSnapshotLock } from "../../scripts/lib/snapshot-lock.js";
import { projectRoot, runScript } from "../support/run-script.js";

let specDir: string;
beforeEach(async () => {
  specDir = await mkdtemp(join(tmpdir(), "dixa-lock-"));
});
afterEach(() => rm(specDir, { recursive: true, force: true }));

describe("the snapshot lock", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("is released when its holder is stopped with %s", async (signal, code) => {
    const holder = await holdLockInAnotherProcess();
    expect(await readdir(specDir)).toEqual([lockFileName]);
    process.kill(holder.pid, signal);
    expect(await holder.exitCode).toBe(code);
    expect(await readdir(specDir)).toEqual([]);
  });

  it("is released when its holder calls process.exit", async () => {
    const holder = await holdLockInAnotherProcess("process.exit(3)");
    expect(await holder.exitCode).toBe(3);
    expect(await readdir(specDir)).toEqual([]);
  });

  it("is recovered at once from a run that crashed while holding it", async () => {
    const crashed = await deadPid();
    await writeFile(
      join(specDir, lockFileName),
      JSON.stringify({ pid: crashed, host: hostname(), startedAt: new Date().toISOString() }),
    );
    await cp(join(projectRoot, "openapi", "dixa-beta.yaml"), join(specDir, "source.yaml"));
    const result = await runScript("fetch-spec.ts", [
      "--file",
      join(specDir, "source.yaml"),
      "--out-dir",
      specDir,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await readdir(specDir)).sort()).toEqual([
      "dixa-beta.yaml",
      "provenance.json",
      "source.yaml",
    ]);
  });

  it("is recovered from an unreadable lock file once it is old", async () => {
    const path = join(specDir, lockFileName);
    await writeFile(path, "");
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    expect(await withSnapshotLock(specDir, async () => "ran")).toBe("ran");
    expect(await readdir(specDir)).toEqual([]);
  });

  it("makes another run wait for the holder, and name it when giving up", async () => {
    const holder = await holdLockInAnotherProcess();
    try {
      await expect(
        withSnapshotLock(specDir, async () => "should not run", { maxWaitMs: 300 }),
      ).rejects.toThrow(
        new RegExp(`another spec:fetch or spec:update \\(pid ${holder.pid} on .*\\) still holds`),
      );
      let ran = false;
      const waiter = withSnapshotLock(specDir, async () => {
        ran = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ran).toBe(false);
      await holder.release();
      await waiter;
      expect(ran).toBe(true);
      expect(await readdir(specDir)).toEqual([]);
    } finally {
      await holder.release();
    }
  });

  it("lets two tasks of one process take turns, and re-enters within one task", async () => {
    const order: string[] = [];
    const task = (name: string) =>
      withSnapshotLock(specDir, async () => {
        order.push(`${name} in`);
        // Re-entering from the same task must not wait for itself.
        await withSnapshotLock(specDir, async () => order.push(`${name} nested`));
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push(`${name} out`);
      });
    await Promise.all([task("first"), task("second")]);
    // One whole, then the other. Which goes first is a race of their lock files (both ask the
    // file system at once), not a promise of the lock.
    const turn = (name: string) => [`${name} in`, `${name} nested`, `${name} out`];
    expect(order).toEqual(
      order[0] === "first in"
        ? [...turn("first"), ...turn("second")]
        : [...turn("second"), ...turn("first")],
    );
    expect(await readdir(specDir)).toEqual([]);
  });
});

/** Another process that takes the lock of `specDir` and keeps it until told to release it. */
/** A process holding the lock until its stdin says so (or running `then` once it holds it). */
async function holdLockInAnotherProcess(then?: string) {
  const script = [
    `const { withSnapshotLock } = await import(${JSON.stringify(pathToFileURL(join(projectRoot, "scripts/lib/snapshot-lock.ts")).href)});`,
    `await withSnapshotLock(${JSON.stringify(specDir)}, async () => {`,
    `  process.stdout.write("locked\\n");`,
    then === undefined
      ? `  await new Promise((resolve) => process.stdin.once("data", resolve));`
      : `  await new Promise((resolve) => setTimeout(resolve, 50)); ${then};`,
    `});`,
  ].join("\n");
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal === null ? null : -1))),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  return {
    pid: child.pid!,
    exitCode: exited,
    release: async () => {
      if (child.exitCode === null) child.stdin.end("go\n");
      await exited;
    },
  };
}

/** The pid of a process that has already exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ["-e", ""], (error) => {
      if (error) reject(error);
      else resolve(child.pid!);
    });
  });
}
