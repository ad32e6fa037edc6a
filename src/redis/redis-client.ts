import type { LuaScript } from "./scripts.js";

/**
 * What this package needs of an ioredis client (`Redis` or `Cluster`, v5 or later): its promise
 * API for `EVALSHA` and `EVAL`. Typed by shape so that `dixa-beta/redis` imports no Redis library.
 */
export interface IoRedisLike {
  evalsha(sha1: string, numkeys: number, ...args: string[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
}

/** What this package needs of a node-redis client (`createClient()` or `createCluster()`, v4+). */
export interface NodeRedisLike {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** An ioredis or node-redis client, connected (or connecting) by you; you also close it. */
export type RedisClientLike = IoRedisLike | NodeRedisLike;

/**
 * Runs one of our scripts: by hash once the client has loaded it, else with `EVAL`, which loads
 * it as it runs (one round trip, never NOSCRIPT then EVAL on a server that has not seen it).
 */
export type ScriptRunner = (script: LuaScript, keys: string[], args: string[]) => Promise<unknown>;

/** The scripts (by hash) each Redis client has loaded, shared by every limiter using it. */
const loadedBy = new WeakMap<object, Set<string>>();
/** Each script's SHA-1, once known. */
const hashes = new Map<LuaScript, string>();

/**
 * Tells the two client shapes apart (node-redis has `evalSha`, ioredis `evalsha`) and returns a
 * runner. Anything else is a TypeError naming what is missing.
 */
export function scriptRunner(client: unknown, what: string): ScriptRunner {
  const shape = client as Partial<Record<"evalSha" | "evalsha" | "eval", unknown>> | null;
  if (typeof shape !== "object" || shape === null || typeof shape.eval !== "function") {
    throw new TypeError(
      `${what} must be a connected ioredis or node-redis (v4+) client, got ${describe(client)}`,
    );
  }
  let evalSha: (sha: string, keys: string[], args: string[]) => Promise<unknown>;
  let evalSource: (source: string, keys: string[], args: string[]) => Promise<unknown>;
  if (typeof shape.evalSha === "function") {
    const nodeRedis = client as NodeRedisLike;
    evalSha = (sha, keys, args) => nodeRedis.evalSha(sha, { keys, arguments: args });
    evalSource = (source, keys, args) => nodeRedis.eval(source, { keys, arguments: args });
  } else if (typeof shape.evalsha === "function") {
    const ioredis = client as IoRedisLike;
    evalSha = (sha, keys, args) => ioredis.evalsha(sha, keys.length, ...keys, ...args);
    evalSource = (source, keys, args) => ioredis.eval(source, keys.length, ...keys, ...args);
  } else {
    throw new TypeError(
      `${what} must be an ioredis or node-redis (v4+) client: it has neither evalsha (ioredis) nor evalSha (node-redis)`,
    );
  }
  let loaded = loadedBy.get(shape);
  if (loaded === undefined) loadedBy.set(shape, (loaded = new Set()));
  const scripts = loaded;
  const load = async (script: LuaScript, keys: string[], args: string[]) => {
    const result = await evalSource(script.source, keys, args);
    scripts.add(hashes.get(script) ?? (await hashOf(script)));
    return result;
  };
  // The common path adds no promise of its own to the client's.
  return (script, keys, args) => {
    const sha = hashes.get(script);
    if (sha === undefined || !scripts.has(sha)) return load(script, keys, args);
    return evalSha(sha, keys, args).catch((error: unknown) => {
      // A server that restarted or flushed its script cache: EVAL loads the script again.
      if (!String((error as Error | undefined)?.message ?? error).includes("NOSCRIPT")) {
        throw error;
      }
      return load(script, keys, args);
    });
  };
}

async function hashOf(script: LuaScript): Promise<string> {
  const sha = await sha1Hex(script.source);
  hashes.set(script, sha);
  return sha;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object without an eval method`;
  return typeof value;
}
