import type { EventHook } from "./http/events.js";
import { guardHooks, type GuardedHook } from "./http/hook-errors.js";
import { createTransport, type Transport } from "./http/transport.js";
import type { ResolvedRetry } from "./http/retry-policy.js";
import { resolveOptions, type DixaCoreOptions } from "./options.js";
import { createRedactor, type Redactor } from "./redact.js";
import type { ValidateResponses } from "./validation/mode.js";
import { packageVersion } from "./version.js";

export const packageUserAgent = `dixa-beta-ts/${packageVersion}`;

/**
 * A configured connection to the Dixa API: token, limiter, retries, time limits, events. Every
 * operation is a function that takes one, so an app bundles only the operations it calls:
 *
 * ```ts
 * import { createDixaCore, notesCreate } from "dixa-beta";
 * const dixa = createDixaCore({ apiKey: process.env.DIXA_API_KEY! });
 * await notesCreate(dixa, 4711, { message: "Called the customer back" });
 * ```
 *
 * Rate limiting is what you pass: `createDixaCore({ apiKey, rateLimit: sharedRateLimiter(apiKey) })`
 * limits as `createDixaClient` does by default (Dixa's 10/s, burst 4, shared per token); without
 * it, a 429 is still retried as Dixa's `Retry-After` says. It holds nothing you can read: the
 * token stays out of reach of `inspect` and `JSON.stringify`.
 */
export class DixaCore {
  /** @internal Use `createDixaCore`. */
  constructor(state: CoreState) {
    states.set(this, state);
  }
}

/** What the operations share, kept out of sight of the object users hold. */
export interface CoreState {
  baseUrl: string;
  /** authorization, user-agent, accept (names in lower case): what every request starts from. */
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  retry: ResolvedRetry;
  transport: Transport;
  redact: Redactor;
  /** The client's `validateResponses` (a call may override it). */
  validateResponses: ValidateResponses;
  /** The user's hook, called through `guard` only. */
  onEvent: EventHook | undefined;
  /** Runs a user's hook (`onResponse`, `onEvent`) so that what it throws is reported, never thrown. */
  guard: GuardedHook;
}

const states = new WeakMap<DixaCore, CoreState>();

/** Checks the options once and returns the connection every operation function takes. */
export function createDixaCore(options: DixaCoreOptions): DixaCore {
  const resolved = resolveOptions(options, packageUserAgent);
  const redact = createRedactor(resolved.apiKey);
  const guard = guardHooks(resolved.onHookError, redact);
  return new DixaCore({
    baseUrl: resolved.baseUrl,
    // The token as is (no `Bearer`).
    headers: {
      authorization: resolved.apiKey,
      "user-agent": resolved.userAgent,
      accept: "application/json",
    },
    timeoutMs: resolved.timeoutMs,
    retry: resolved.retry,
    redact,
    validateResponses: resolved.validateResponses,
    onEvent: resolved.onEvent,
    guard,
    transport: createTransport({
      fetch: resolved.fetch,
      // Each client its own handle, so the clients of one limit take turns.
      limiter: resolved.limiter?.forClient?.() ?? resolved.limiter,
      onEvent: resolved.onEvent,
      guard,
      redact,
      maxResponseBytes: resolved.maxResponseBytes,
      priority: resolved.priority,
    }),
  });
}

/** @internal The state behind a core, for the package's own modules. */
export function coreState(core: DixaCore): CoreState {
  const state = states.get(core);
  if (state === undefined) {
    throw new TypeError("expected a DixaCore made by createDixaCore (or a client's resources)");
  }
  return state;
}
