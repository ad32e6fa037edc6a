import { earliestStart, memoryMs, type AdmissionRule } from "../http/admission-rule.js";

/** One request this process let through: the latest moment it may reach the server. */
export interface OwnRequest {
  latestArrival: number;
}

/**
 * This process's own record of the requests it let through (local clock), and the rule for its
 * share of the limit. Without Redis the process decides alone against this share; just after
 * Redis comes back it also keeps to it (see the limiter), while the other workers may still be
 * spending their shares unrecorded.
 */
export class OwnShare {
  private readonly sent: OwnRequest[] = [];
  private readonly forgetAfterMs: number;
  private forgetAtLength = minForgetLength;

  constructor(
    /** The rule scaled to this process's share of the limit. */
    readonly rule: AdmissionRule,
    fullRule: AdmissionRule,
  ) {
    this.forgetAfterMs = Math.max(memoryMs(rule), memoryMs(fullRule));
  }

  /** Records a request let through now (by Redis or locally). */
  add(latestArrival: number, now: number): OwnRequest {
    const entry = { latestArrival };
    this.sent.push(entry);
    // While Redis decides, nothing else reads this record: forget now and then what no longer
    // counts (amortized: each pass at least halves what is left to the next).
    if (this.sent.length >= this.forgetAtLength) {
      this.forget(now);
      this.forgetAtLength = Math.max(minForgetLength, 2 * this.sent.length);
    }
    return entry;
  }

  /** Requests recorded and not yet forgotten. */
  get recorded(): number {
    return this.sent.length;
  }

  /** The earliest moment this process may start one more request under its share. */
  startAt(now: number): number {
    this.forget(now);
    return earliestStart(
      this.sent.map((entry) => entry.latestArrival),
      this.rule,
      now,
    );
  }

  /** Drops what no longer counts, in one pass that keeps the order (a splice each was O(n²)). */
  private forget(now: number): void {
    const forgetBefore = now - this.forgetAfterMs;
    let kept = 0;
    for (const entry of this.sent) {
      if (entry.latestArrival >= forgetBefore) this.sent[kept++] = entry;
    }
    this.sent.length = kept;
  }
}

/** Below this many requests recorded, `add` does not look for ones to forget. */
const minForgetLength = 64;
