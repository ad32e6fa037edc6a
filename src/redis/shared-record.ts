import type { AdmissionRule } from "../http/admission-rule.js";
import type { ScriptRunner } from "./redis-client.js";
import { settleScript, stepScript } from "./scripts.js";
import type { TokenKeys } from "./token-keys.js";

/** The timing settings one step of the shared record works with, in milliseconds. */
export interface RecordSettings {
  rule: AdmissionRule;
  transitMs: number;
  /** How long a request is kept after its latest arrival (admission-rule.ts `memoryMs`). */
  memoryMs: number;
  leaseMs: number;
  keyTtlMs: number;
  epochTtlMs: number;
  /** How long the head of the queue may leave its turn untaken before others go first. */
  lateHeadMs: number;
}

export interface StepRequest {
  /** Waiters of this process, in arrival order: registered if new, their lease refreshed. */
  waiters: readonly string[];
  /** Waiters that gave up their place (aborted, or served elsewhere). */
  leaving: readonly string[];
  /** At most this many of `waiters` are admitted. */
  maxAdmit: number;
  /** The epoch this process last saw ('' if none): on a mismatch nothing is admitted. */
  expectedEpoch: string;
  /** The epoch to set if the record has none. */
  newEpoch: string;
}

export interface StepReply {
  /** Waiters let through, in queue order. */
  admitted: string[];
  /** Redis's clock when the step ran, in ms. */
  now: number;
  /** The earliest start the rule gave before this step admitted anyone, in ms (Redis clock). */
  earliestStart: number;
  /** Lower bound of how long until our first waiter may go; undefined if none of ours waits. */
  waitMs: number | undefined;
  epoch: string;
  /** Queue position of our first waiter (0: the head); undefined if none of ours waits. */
  position: number | undefined;
  epochMatched: boolean;
}

/** Runs the step script for one token and reads its answer. */
export async function step(
  run: ScriptRunner,
  keys: TokenKeys,
  settings: RecordSettings,
  request: StepRequest,
): Promise<StepReply> {
  const { rule } = settings;
  const args = [
    String(rule.ratePerSecond),
    String(rule.capacity),
    Number.isFinite(rule.windowLimit) ? String(rule.windowLimit) : "-1",
    String(rule.windowMs),
    String(settings.transitMs),
    String(settings.memoryMs),
    String(settings.leaseMs),
    String(Math.ceil(settings.keyTtlMs)),
    String(Math.ceil(settings.epochTtlMs)),
    String(request.maxAdmit),
    request.expectedEpoch,
    request.newEpoch,
    String(settings.lateHeadMs),
    String(request.leaving.length),
    ...request.leaving,
    ...request.waiters,
  ];
  const reply = await run(stepScript, [keys.sent, keys.queue, keys.leases, keys.epoch], args);
  return readStepReply(reply);
}

/** Lowers a request's latest arrival to now (Redis clock): its answer came. */
export async function settle(run: ScriptRunner, keys: TokenKeys, id: string): Promise<void> {
  await run(settleScript, [keys.sent], [id]);
}

function readStepReply(reply: unknown): StepReply {
  if (!Array.isArray(reply) || reply.length !== 7 || !Array.isArray(reply[0])) {
    throw new Error(`unexpected answer from the step script: ${JSON.stringify(reply)}`);
  }
  const [admitted, now, start, wait, epoch, position, matched] = reply as unknown[];
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
  };
}
