import type { ScriptRunner } from "./redis-client.js";
import type { LuaScript } from "./scripts.js";
import type { TokenKeys } from "./token-keys.js";

export type { RecordSettings } from "./scripts.js";

export interface StepRequest {
  /**
   * Waiters of this process, in the order it would send them (highest lane first), each id
   * ending with its lane's rank: registered if new, their lease refreshed.
   */
  waiters: readonly string[];
  /** Waiters that gave up their place (aborted, or served elsewhere). */
  leaving: readonly string[];
  /** Requests whose latest arrival this process learned better (Redis clock, ms). */
  updates: readonly (readonly [id: string, latestArrival: number])[];
  /** At most this many of `waiters` are admitted. */
  maxAdmit: number;
  /** The epoch this process last saw ('' if none): on a mismatch nothing is admitted. */
  expectedEpoch: string;
  /** The epoch to set if the record has none. */
  newEpoch: string;
}

export interface StepReply {
  /** Waiters let through, in the order they went. */
  admitted: string[];
  /** Redis's clock when the step ran, in ms. */
  now: number;
  /**
   * The earliest start the rule gave before this step admitted anyone, in ms (Redis clock);
   * undefined when the step took the common path (its one waiter admitted at once).
   */
  earliestStart: number | undefined;
  /** Lower bound of how long until our first waiter may go; undefined if none of ours waits. */
  waitMs: number | undefined;
  epoch: string;
  /** Lower bound of our first waiter's queue position (0: the head); undefined if none waits. */
  position: number | undefined;
  epochMatched: boolean;
  /** Callers of other processes waiting in the shared queue. */
  others: number;
}

export function recordKeys(keys: TokenKeys): string[] {
  return [keys.sent, keys.lanes, keys.leases, keys.epoch, keys.turns];
}

/** Runs one step (the script `stepScript` wrote for the settings) for one token and reads its answer. */
export function step(
  run: ScriptRunner,
  script: LuaScript,
  keys: string[],
  request: StepRequest,
): Promise<StepReply> {
  const args = [
    String(request.maxAdmit),
    request.expectedEpoch,
    request.newEpoch,
    String(request.updates.length),
    String(request.leaving.length),
  ];
  // Whole milliseconds, rounded up, as the record holds them (never later than recorded).
  for (const [id, latestArrival] of request.updates)
    args.push(String(Math.ceil(latestArrival)), id);
  for (const id of request.leaving) args.push(id);
  for (const id of request.waiters) args.push(id);
  return run(script, keys, args).then((reply) => readStepReply(reply, request));
}

function readStepReply(reply: unknown, request: StepRequest): StepReply {
  if (typeof reply === "number") {
    // The common path: the one waiter went, nobody else waits, the epoch was the expected one.
    if (request.waiters.length !== 1 || !Number.isSafeInteger(reply)) {
      throw new Error(`unexpected answer from the step script: ${reply}`);
    }
    return {
      admitted: [request.waiters[0]!],
      now: reply / 1000,
      earliestStart: undefined,
      waitMs: undefined,
      epoch: request.expectedEpoch,
      position: undefined,
      epochMatched: true,
      others: 0,
    };
  }
  if (!Array.isArray(reply) || reply.length !== 8 || !Array.isArray(reply[0])) {
    throw new Error(`unexpected answer from the step script: ${JSON.stringify(reply)}`);
  }
  const [admitted, now, start, wait, epoch, position, matched, others] = reply as unknown[];
  const waitMs = Number(wait);
  const at = Number(position);
  return {
    admitted: (admitted as unknown[]).map(String),
    now: Number(now),
    earliestStart: Number(start),
    waitMs: waitMs < 0 ? undefined : waitMs,
    epoch: String(epoch),
    position: at < 0 ? undefined : at,
    epochMatched: Number(matched) === 1,
    others: Number(others),
  };
}
