import { memoryMs } from "../http/admission-rule.js";
import { watchDeparture } from "../http/departures.js";
import { FairQueue, type Queued } from "../http/fair-queue.js";
import { badPriority, defaultPriority, laneIndex } from "../http/lanes.js";
import type { AcquireOptions, RateLimit, RateLimitTicket } from "../http/rate-limit.js";
import { CallDeadlines } from "./call-deadlines.js";
import type { RedisRateLimitEvent } from "./events.js";
import { OwnShare, type OwnRequest } from "./fallback.js";
import {
  resolveRedisOptions,
  type RedisRateLimiterOptions,
  type ResolvedRedisOptions,
} from "./options.js";
import { recordKeys, step, type StepReply } from "./shared-record.js";
import { stepScript, type LuaScript } from "./scripts.js";

interface Waiter extends Queued {
  /** Its member in the shared queue, ending with its lane; renewed when an old one may linger. */
  id: string;
  /** Sent to Redis at least once under `id` (so it may sit in the shared queue). */
  registered: boolean;
  resolve: (ticket: RateLimitTicket) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  /** Listens to `signal`; none without a signal (the common call makes no closure). */
  onAbort: (() => void) | undefined;
  queuedAt: number;
  /** A decision round found it could not go yet: its wait counts (else only the round trip). */
  passedOver: boolean;
}

/** A request Redis let through, as this process knows it. */
interface Admitted {
  id: string;
  /** Redis's clock when the step that let it through ran. */
  redisNow: number;
  /** Local clock when that step was sent: a local moment maps to at most `redisNow + (t - sentAt)`. */
  sentAt: number;
  /** Its latest arrival as Redis records it (Redis clock). */
  latestArrival: number;
}

/** Waiters of one process put in the shared queue at once; the rest join as these leave. */
const maxRegistered = 128;
/** How long the record's epoch marker outlives the last call that touched it. */
const epochTtlMs = 60_000;
/**
 * Ids kept to take out of the shared queue. Past this the oldest are dropped: their leases have
 * long lapsed, so Redis drops them anyway.
 */
const maxLeaving = 1024;
/**
 * A process that has not taken its turn this long after it came is busy (or dead): the others
 * go first meanwhile. Far above a Redis round trip, far below the 100 ms between turns.
 */
const lateHeadMs = 50;
/** How soon a waiter that is not at the head of the shared queue asks again, at the earliest. */
const behindPollMs = 10;

const now = () => performance.now();
const none: never[] = [];
const resolved = Promise.resolve();

/**
 * One rate limit for every process that uses a token, decided in Redis: see `scripts.ts` for the
 * shared record and `admission-rule.ts` for the rule, the same as the in-memory limiter's.
 *
 * Callers of this process wait in a local queue by lane; one step at a time sends them (up to
 * 128, highest lane first) to Redis, which queues every process's callers by lane and, within a
 * lane, process by process in turn; admits the head while the rule allows (or this process's
 * first caller, when the head's process leaves its turn untaken); and says how long until this
 * process's first caller may go. What the process learns of its requests (one left, one was
 * answered) rides along with its next step, or goes at once when other processes wait, so a
 * request costs one round trip to Redis when nobody else waits. A timer runs only while someone
 * waits. When Redis fails or is slower than `commandTimeoutMs`, the process decides alone
 * against its `fallbackShare` of the limit (after a hold, since requests let through by Redis
 * may still be arriving), tries Redis again every `probeIntervalMs`, and on its return keeps to
 * its share as well for a grace period, while the other workers may still be deciding alone.
 * Never rejects except when the caller's signal aborts.
 */
export class RedisRateLimiter implements RateLimit {
  private readonly options: ResolvedRedisOptions;
  private readonly script: LuaScript;
  private readonly own: OwnShare;
  /** Each Redis call under `commandTimeoutMs`. */
  private readonly deadlines: CallDeadlines;
  private keys: Promise<string[]> | undefined;
  /** The keys, once known (so the common path does not wait a turn for them). */
  private knownKeys: string[] | undefined;
  private readonly waiting = new FairQueue<Waiter>();
  /** Ids to take out of the shared queue with the next step. */
  private readonly leaving = new Set<string>();
  /** Sooner latest arrivals to write to the record, by id (Redis clock). */
  private readonly updates = new Map<string, number>();
  /** Callers of other processes were waiting when Redis last answered. */
  private othersWaiting = false;
  private current: "redis" | "fallback" = "redis";
  /** Local clock: nothing starts before this. */
  private holdUntil = 0;
  /** Local clock: until then this process also keeps to its own share. */
  private graceUntil = 0;
  private outageStartedAt = 0;
  private lastProbeStart = -Infinity;
  private probing: Promise<void> | undefined;
  private epoch = "";
  private nextEpoch = randomHex(8);
  private lastCallSentAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private soon = false;
  private readonly idPrefix = randomHex(6);
  private counter = 0;

  constructor(options: RedisRateLimiterOptions) {
    if (typeof globalThis.crypto?.subtle?.digest !== "function") {
      throw new TypeError("createRedisRateLimiter needs Web Crypto (globalThis.crypto.subtle)");
    }
    this.options = resolveRedisOptions(options);
    const { rule, shareRule, transitMs, leaseMs } = this.options;
    const memory = memoryMs(rule);
    this.script = stepScript({
      rule,
      transitMs,
      memoryMs: memory,
      leaseMs,
      keyTtlMs: Math.max(memory, leaseMs) + 1_000,
      epochTtlMs,
      lateHeadMs,
    });
    this.own = new OwnShare(shareRule, rule);
    this.deadlines = new CallDeadlines(this.options.commandTimeoutMs, now);
  }

  /** "redis" while decisions are shared, "fallback" while this process decides alone. */
  get mode(): "redis" | "fallback" {
    return this.current;
  }

  /** Callers of this process waiting for their turn right now. */
  get queued(): number {
    return this.waiting.size;
  }

  /**
   * Resolves with a ticket when one request may be sent; settle it when the answer's headers
   * arrived or the attempt failed. Rejects with the signal's reason if the caller aborts while
   * waiting; its place in the shared queue is given up.
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<RateLimitTicket> {
    const lane = laneIndex(options?.priority ?? defaultPriority);
    if (lane < 0) {
      return Promise.reject(badPriority(options!.priority));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        owner: this,
        id: this.newId(lane),
        registered: false,
        resolve,
        reject,
        signal,
        onAbort: undefined,
        queuedAt: now(),
        passedOver: false,
      };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          if (!this.waiting.remove(waiter)) return;
          if (waiter.registered) this.leave(waiter.id);
          reject(signal.reason);
          this.wake();
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
      this.wake();
    });
  }

  /** Runs a step soon (callers arriving in one turn of the event loop share it). */
  private wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = true;
    // A promise reaction rather than queueMicrotask, which makes an AsyncResource per call in Node.
    void resolved.then(this.runSoon);
  }

  private readonly runSoon = () => {
    this.soon = false;
    void this.run();
  };

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    let next: number | undefined;
    try {
      do {
        this.again = false;
        next = await this.step();
      } while (this.again || next === 0);
    } catch (error) {
      // A defect of this limiter, not a Redis failure: fail the waiting callers rather than
      // leave them hanging, and report it.
      next = undefined;
      for (const waiter of [...this.waiting]) {
        this.waiting.remove(waiter);
        if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
        waiter.reject(error);
      }
      queueMicrotask(() => {
        throw error;
      });
    } finally {
      this.running = false;
    }
    if (next !== undefined) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          void this.run();
        },
        Math.max(1, Math.ceil(next)),
      );
    }
  }

  /** One decision round. Returns when to run again (ms), or undefined when nobody waits. */
  private async step(): Promise<number | undefined> {
    if (this.current === "redis") {
      const news = this.leaving.size > 0 || (this.updates.size > 0 && this.othersWaiting);
      if (this.waiting.size === 0 && !news) return undefined;
      return this.stepShared();
    }
    if (this.waiting.size === 0) return undefined;
    const t = now();
    const sinceProbe = t - this.lastProbeStart;
    if (sinceProbe >= this.options.probeIntervalMs) {
      const probe = this.probe();
      // Idle for a while: what this process knew of Redis is stale, so ask before deciding alone.
      if (sinceProbe >= 2 * this.options.probeIntervalMs) await probe;
    }
    // The probe may have brought Redis back (TypeScript does not see the await change it).
    if (this.mode === "redis") return 0;
    return this.admitAlone();
  }

  private async stepShared(): Promise<number | undefined> {
    const t = now();
    const batch = this.waiting.first(maxRegistered);
    let maxAdmit = batch.length;
    if (t < this.holdUntil) maxAdmit = 0;
    else if (t < this.graceUntil) maxAdmit = Math.min(maxAdmit, this.own.startAt(t) <= t ? 1 : 0);
    const leaving = this.leaving.size === 0 ? none : [...this.leaving];
    const updates = this.updates.size === 0 ? none : [...this.updates];
    for (const waiter of batch) waiter.registered = true;
    const sentAt = now();
    let reply: StepReply;
    try {
      reply = await this.deadlines.within(
        "the step script",
        step(this.options.run, this.script, this.knownKeys ?? (await this.keysOf()), {
          waiters: batch.map((waiter) => waiter.id),
          leaving,
          updates,
          maxAdmit,
          expectedEpoch: this.epoch,
          newEpoch: this.nextEpoch,
        }),
      );
    } catch (error) {
      this.redisFailed(error);
      return 0;
    }
    // A failure meanwhile switched to deciding alone; what Redis admitted stays recorded there
    // (counted, never sent), which errs on the safe side.
    if (this.current !== "redis") return 0;
    for (const id of leaving) this.leaving.delete(id);
    for (const [id, latest] of updates)
      if (this.updates.get(id) === latest) this.updates.delete(id);
    if (reply.epoch === this.nextEpoch) this.nextEpoch = randomHex(8);
    this.othersWaiting = reply.others > 0;

    if (!reply.epochMatched) {
      // Had this process touched the record within the epoch's lifetime, it cannot have expired:
      // it was lost, and with it the requests it held. Otherwise it simply expired while unused.
      const lost = now() - this.lastCallSentAt < epochTtlMs;
      this.epoch = reply.epoch;
      this.lastCallSentAt = sentAt;
      if (lost) this.recordLost();
      return 0;
    }
    this.epoch = reply.epoch;
    this.lastCallSentAt = sentAt;

    // As the script records it: whole milliseconds, rounded up.
    const latestArrival = Math.ceil(reply.now + this.options.transitMs);
    for (const id of reply.admitted) {
      const admitted: Admitted = { id, redisNow: reply.now, sentAt, latestArrival };
      const waiter = batch.find((candidate) => candidate.id === id);
      // Aborted while the step ran: the slot goes unused, counted until now.
      if (waiter === undefined || !this.waiting.remove(waiter)) this.recountShared(admitted, now());
      else this.grant(waiter, admitted);
    }
    for (const waiter of batch) waiter.passedOver = true;
    if (this.leaving.size > 0) return 0;
    if (this.waiting.size === 0) return this.updates.size > 0 && this.othersWaiting ? 0 : undefined;
    if (reply.admitted.length > 0 && reply.admitted.length === maxAdmit) return 0;

    const t2 = now();
    let at = reply.waitMs === undefined ? t2 + this.options.leaseMs : sentAt + reply.waitMs;
    if (reply.position !== undefined && reply.position > 0) at = Math.max(at, t2 + behindPollMs);
    if (t2 < this.holdUntil) at = Math.max(at, this.holdUntil);
    if (t2 < this.graceUntil) at = Math.max(at, this.own.startAt(t2));
    // Often enough to keep the leases of the waiting callers alive.
    return Math.max(1, Math.min(at - t2, this.options.leaseMs / 4));
  }

  /** Redis is unavailable: this process decides alone against its share. */
  private admitAlone(): number | undefined {
    // A probe under way says when it ends (on success it wakes the limiter).
    const nextProbe =
      this.probing === undefined ? this.lastProbeStart + this.options.probeIntervalMs : Infinity;
    let t = now();
    let at = this.holdUntil;
    while (this.waiting.size > 0 && at <= t) {
      at = this.own.startAt(t);
      if (at > t) break;
      this.grant(this.waiting.shift()!, undefined);
      t = now();
    }
    if (this.waiting.size === 0) return undefined;
    for (const waiter of this.waiting) waiter.passedOver = true;
    return Math.min(at, nextProbe) - t;
  }

  private grant(waiter: Waiter, admitted: Admitted | undefined): void {
    const t = now();
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
    const entry = this.own.add(t + this.options.transitMs, t);
    // Let through by the first decision it took part in: it did not wait for its turn (the
    // round trip to Redis is the limiter's cost, measured by the bench, not a wait).
    waiter.resolve(new Ticket(this, entry, admitted, waiter.passedOver ? t - waiter.queuedAt : 0));
  }

  /**
   * How long a request takes to reach the server once it has left (its ticket's dispatch).
   * @internal
   */
  get networkMs(): number {
    return this.options.networkMs;
  }

  /**
   * A request let through may reach the server until `until` (local clock), and no later; with
   * `onlySooner`, only if that is sooner than what is recorded. Called by its ticket.
   * @internal
   */
  recount(
    entry: OwnRequest,
    admitted: Admitted | undefined,
    until: number,
    onlySooner: boolean,
  ): void {
    if (!onlySooner || until < entry.latestArrival) entry.latestArrival = until;
    if (admitted !== undefined && this.current === "redis") {
      this.recountShared(admitted, until, onlySooner);
    } else if (this.waiting.size > 0) this.wake();
  }

  /**
   * Writes a request's latest arrival to the record: with this process's next step, or at once
   * when other processes wait (their decisions need it; ours come with our own next step).
   */
  private recountShared(admitted: Admitted, until: number, onlySooner = true): void {
    const latest = admitted.redisNow + (until - admitted.sentAt);
    if (latest === admitted.latestArrival) return;
    if (onlySooner && latest > admitted.latestArrival) return;
    admitted.latestArrival = latest;
    this.updates.set(admitted.id, latest);
    // Bounded: the oldest stopped counting long ago (their recorded latest arrival has passed).
    if (this.updates.size > maxLeaving) this.updates.delete(this.updates.keys().next().value!);
    if (this.othersWaiting) this.wake();
  }

  /** Tries Redis again; on success decisions are shared once more. */
  private probe(): Promise<void> {
    if (this.probing !== undefined) return this.probing;
    this.lastProbeStart = now();
    const leaving = [...this.leaving];
    this.probing = (async () => {
      try {
        const keys = await this.keysOf();
        const sentAt = now();
        const reply = await this.deadlines.within(
          "the step script",
          step(this.options.run, this.script, keys, {
            waiters: [],
            leaving,
            updates: [],
            maxAdmit: 0,
            expectedEpoch: "",
            newEpoch: this.nextEpoch,
          }),
        );
        for (const id of leaving) this.leaving.delete(id);
        if (reply.epoch === this.nextEpoch) this.nextEpoch = randomHex(8);
        if (this.current !== "fallback") return;
        const t = now();
        this.current = "redis";
        this.epoch = reply.epoch;
        this.lastCallSentAt = sentAt;
        this.othersWaiting = reply.others > 0;
        this.graceUntil = Math.max(this.graceUntil, t + this.graceMs());
        this.emit({ type: "redis-rate-limit-restored", outageMs: t - this.outageStartedAt });
        this.wake();
      } catch {
        // Still unavailable, as the fallback event said; the next probe follows in probeIntervalMs.
      } finally {
        this.probing = undefined;
      }
    })();
    return this.probing;
  }

  private redisFailed(error: unknown): void {
    if (this.current === "fallback") return;
    const t = now();
    this.current = "fallback";
    this.outageStartedAt = t;
    this.lastProbeStart = t;
    // What Redis holds of our requests errs on the late side; nothing to correct there.
    this.updates.clear();
    // Requests Redis let through before it failed may still arrive: hold until they cannot.
    const holdMs = this.holdMs();
    this.holdUntil = Math.max(this.holdUntil, t + holdMs);
    for (const waiter of this.waiting) {
      if (!waiter.registered) continue;
      this.leave(waiter.id);
      waiter.id = this.newId(waiter.lane);
      waiter.registered = false;
    }
    this.emit({
      type: "redis-rate-limit-fallback",
      reason: this.options.redact(describeFailure(error)),
      share: this.options.share,
      holdMs,
    });
    this.wake();
  }

  private recordLost(): void {
    const t = now();
    const holdMs = this.holdMs();
    this.holdUntil = Math.max(this.holdUntil, t + holdMs);
    this.graceUntil = Math.max(this.graceUntil, t + this.graceMs());
    this.emit({ type: "redis-rate-limit-record-lost", holdMs });
  }

  /** Until a request let through now can no longer arrive within a window of the rule. */
  private holdMs(): number {
    return this.options.transitMs + this.options.rule.windowMs;
  }

  /**
   * After Redis returns, how long another worker may still be deciding alone (it tries Redis at
   * least every probe interval while it has callers, or asks first after two), plus the time its
   * last such request may take to arrive and leave the window.
   */
  private graceMs(): number {
    const { probeIntervalMs, commandTimeoutMs } = this.options;
    return 2 * probeIntervalMs + commandTimeoutMs + this.holdMs();
  }

  private keysOf(): Promise<string[]> {
    this.keys ??= this.options.keysOf().then((keys) => {
      this.knownKeys = recordKeys(keys);
      return this.knownKeys;
    });
    return this.keys;
  }

  private emit(event: RedisRateLimitEvent): void {
    const hook = this.options.onEvent;
    if (hook === undefined) return;
    try {
      hook(event);
    } catch (error) {
      // A throwing hook must not stall the limiter; its error is reported, not swallowed.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  private leave(id: string): void {
    this.leaving.add(id);
    if (this.leaving.size > maxLeaving) this.leaving.delete(this.leaving.values().next().value!);
  }

  /** A new id in the shared queue; its last character is the lane's rank, as the script reads it. */
  private newId(lane: number): string {
    this.counter++;
    return `${this.idPrefix}-${this.counter.toString(36)}:${lane}`;
  }
}

/** One request let through: a class, so the common path makes no closures per request. */
class Ticket implements RateLimitTicket {
  private answered = false;

  constructor(
    private readonly limiter: RedisRateLimiter,
    private readonly entry: OwnRequest,
    private readonly admitted: Admitted | undefined,
    readonly waitedMs: number,
  ) {}

  settle(): void {
    this.answered = true;
    this.limiter.recount(this.entry, this.admitted, now(), true);
  }

  /**
   * Once it has left, it counts until it may have reached the server: sooner than assumed, or
   * later, when this process was held up before sending it.
   */
  dispatch<T>(send: () => T): T {
    return watchDeparture((departedAt) => {
      if (this.answered) return;
      this.limiter.recount(this.entry, this.admitted, departedAt + this.limiter.networkMs, false);
    }, send);
  }
}

/**
 * Creates a rate limiter shared through Redis by every process that uses the same token. Pass it
 * to the client as `rateLimit`.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  return new RedisRateLimiter(options);
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return [...values].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
