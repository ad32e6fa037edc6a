import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SpecRejectedError } from "./spec-document.js";

/**
 * An exclusive lock for the snapshot directory, so two `spec:fetch`/`spec:update` runs cannot
 * interleave their writes and leave the spec of one with the provenance of the other.
 *
 * The lock is a file created with O_EXCL (`wx`) beside the snapshot, holding the owner's pid,
 * host and start time. A lock left by a crashed run is recovered without waiting for a timeout
 * when its owner was on this host and that pid is gone; otherwise (another host, or a pid that
 * was reused) it counts as stale once older than `staleAfterMs`. Removing a stale lock is itself
 * guarded by a short-lived "breaker" file, so two waiters cannot both remove it and then each
 * take the lock. proper-lockfile was considered and not used: it keeps its lock alive by
 * refreshing mtime on a timer, which our synchronous type generation can starve for seconds,
 * and then declares the lock compromised and exits.
 */
export interface LockOptions {
  /** How long to wait for another run to finish before giving up. */
  maxWaitMs?: number;
  /** Age after which a lock whose owner cannot be checked is considered abandoned. */
  staleAfterMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

const defaultMaxWaitMs = 120_000;
const defaultStaleAfterMs = 10 * 60_000;
/** A lock file that is still empty or half-written is young; one this old was abandoned. */
const unreadableStaleAfterMs = 30_000;
/** Breaking a stale lock takes milliseconds; a breaker this old was left by a crash. */
const breakerStaleAfterMs = 10_000;

export const lockFileName = ".dixa-beta.lock";

/** Tokens of the locks this process holds, by lock path. */
const heldByThisProcess = new Map<string, string>();
/** The lock paths held by the current async call chain, which may re-enter them. */
const heldByThisTask = new AsyncLocalStorage<ReadonlySet<string>>();

export function lockPath(specDir: string): string {
  return join(specDir, lockFileName);
}

/**
 * Runs `work` while holding the lock of `specDir`, releasing it however `work` ends. Re-entrant
 * within one async call chain (spec:update holds the lock and calls writeSnapshot, which takes
 * it too); another task of the same process waits like another process would.
 */
export async function withSnapshotLock<T>(
  specDir: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const path = lockPath(specDir);
  const mine = heldByThisTask.getStore() ?? new Set<string>();
  if (mine.has(path)) return work();
  const owner = await acquire(path, options);
  heldByThisProcess.set(path, owner.token);
  releaseOnExit();
  try {
    return await heldByThisTask.run(new Set([...mine, path]), work);
  } finally {
    heldByThisProcess.delete(path);
    await release(path, owner);
  }
}

let exitHandlersInstalled = false;

/**
 * However the process ends while it holds a lock (an error, `process.exit`, Ctrl-C, a kill), the
 * lock goes with it, so the next run does not wait for it. (A crash that skips every handler,
 * such as running out of memory, leaves it to the next run's check that the pid is gone.)
 */
function releaseOnExit(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on("exit", releaseAllNow);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      releaseAllNow();
      process.exit(code);
    });
  }
}

/** Removes every lock this process still holds, synchronously (exit handlers cannot wait). */
function releaseAllNow(): void {
  for (const [path, token] of heldByThisProcess) {
    try {
      const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
      if (owner.token === token) rmSync(path, { force: true });
    } catch {
      // Already gone, or no longer ours: nothing to release.
    }
  }
  heldByThisProcess.clear();
}

async function acquire(path: string, options: LockOptions): Promise<LockOwner> {
  const maxWaitMs = options.maxWaitMs ?? defaultMaxWaitMs;
  const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(path, `${JSON.stringify(owner)}\n`)) return owner;
    const current = await readLock(path);
    if (current === undefined) continue; // released between our two calls: try again at once
    if (
      isStale(path, current, staleAfterMs) &&
      (await breakStaleLock(path, current, staleAfterMs))
    ) {
      continue;
    }
    if (Date.now() - started >= maxWaitMs) {
      const who = current.owner
        ? `pid ${current.owner.pid} on ${current.owner.host} since ${current.owner.startedAt}`
        : "an unknown process";
      throw new SpecRejectedError(
        `another spec:fetch or spec:update (${who}) still holds ${path} after ${Math.round(maxWaitMs / 1000)} s; if no such run is alive, delete that file`,
      );
    }
    // Back off with jitter so waiters do not retry in lockstep.
    await sleep(Math.min(25 * 2 ** Math.min(attempt, 4), 400) * (0.5 + Math.random()));
  }
}

async function createExclusive(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

interface LockState {
  raw: string;
  owner: LockOwner | undefined;
  ageMs: number;
  ino: number;
}

async function readLock(path: string): Promise<LockState | undefined> {
  try {
    const info = await stat(path);
    const raw = await readFile(path, "utf8");
    let owner: LockOwner | undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<LockOwner>;
      if (typeof parsed.pid === "number" && typeof parsed.host === "string") {
        owner = parsed as LockOwner;
      }
    } catch {
      owner = undefined; // still being written, or garbage
    }
    return { raw, owner, ageMs: Date.now() - info.mtimeMs, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isStale(path: string, lock: LockState, staleAfterMs: number): boolean {
  if (lock.owner === undefined) return lock.ageMs > unreadableStaleAfterMs;
  if (lock.ageMs > staleAfterMs) return true;
  if (lock.owner.host !== hostname()) return false;
  // Our own pid on a lock this process does not hold was left by a crashed run whose pid we got.
  if (lock.owner.pid === process.pid) return heldByThisProcess.get(path) !== lock.owner.token;
  return !isAlive(lock.owner.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a stale lock only while holding the breaker and only if the lock is still the very
 * file judged stale, so a fresh lock taken meanwhile by another waiter is never removed.
 * Returns false when another waiter is breaking it right now.
 */
async function breakStaleLock(
  path: string,
  stale: LockState,
  staleAfterMs: number,
): Promise<boolean> {
  const breaker = `${path}.breaker`;
  if (!(await createExclusive(breaker, `${process.pid}\n`))) {
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > breakerStaleAfterMs) await rm(breaker, { force: true });
    return false;
  }
  try {
    const now = await readLock(path);
    if (now && now.ino === stale.ino && now.raw === stale.raw && isStale(path, now, staleAfterMs)) {
      await rm(path, { force: true });
    }
    return true;
  } finally {
    await rm(breaker, { force: true });
  }
}

async function release(path: string, owner: LockOwner): Promise<void> {
  const current = await readLock(path);
  // Never remove a lock that is no longer ours (it was judged stale and taken over).
  if (current?.owner?.token === owner.token) await rm(path, { force: true });
}
