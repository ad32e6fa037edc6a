import { checkDeviations, type SandboxDeviation } from "./deviations.js";

/** What can go wrong on request, by header or by `sandbox.faults.next()`. */
export interface SandboxFault {
  /** Answer this status (400-599) instead of the operation's answer, with its documented body. */
  status?: number;
  /** With `status` 429 or 503: the `Retry-After` header, in seconds. */
  retryAfterSeconds?: number;
  /** Wait this long before answering (or resetting); the caller's abort signal still works. */
  delayMs?: number;
  /**
   * Drop the connection instead of answering: the in-process `fetch` rejects with a `TypeError`
   * as `fetch` does on a reset; the HTTP sandbox destroys the socket.
   */
  reset?: boolean;
  /**
   * Answer as usual, with the success answer's body changed: a field taken away, a value of
   * another type... to test how your code (and `validateResponses`) copes with an answer that
   * differs from Dixa's description. Not with `status` or `reset`; not by header.
   */
  deviate?: SandboxDeviation[];
}

/** A fault waiting for the requests it matches. */
export interface QueuedFault extends SandboxFault {
  /** How many matching requests get the fault. Default 1. */
  times?: number;
  /** Only requests with this method (any case). Default any. */
  method?: string;
  /** Only requests to this path, given as sent (`/beta/agents/93b8...`) or as the spec's template (`/beta/agents/{agentId}`). Default any. */
  path?: string;
}

/** The request header that asks for a fault, e.g. `status=503`, `delay=200,reset`. */
export const sandboxFaultHeader = "x-dixa-sandbox-fault";

/**
 * Reads `x-dixa-sandbox-fault`: comma-separated `status=<code>`, `retry-after=<seconds>`,
 * `delay=<ms>` and `reset`. A malformed value is a TypeError naming the problem, which the
 * sandbox answers as a 400 so a typo is not mistaken for a working request.
 */
export function parseFaultHeader(value: string): SandboxFault {
  const fault: SandboxFault = {};
  for (const part of value.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const [name, raw] = part.split("=", 2).map((p) => p.trim()) as [string, string | undefined];
    const number = raw === undefined || raw === "" ? NaN : Number(raw);
    switch (name.toLowerCase()) {
      case "status":
        fault.status = number;
        break;
      case "retry-after":
        fault.retryAfterSeconds = number;
        break;
      case "delay":
        fault.delayMs = number;
        break;
      case "reset":
        fault.reset = true;
        break;
      default:
        throw new TypeError(
          `${sandboxFaultHeader}: unknown part ${JSON.stringify(part)} (use status=<code>, retry-after=<s>, delay=<ms>, reset)`,
        );
    }
  }
  return checkFault(fault, sandboxFaultHeader);
}

/** Checks a fault given by API or header; returns it or throws a TypeError naming the field. */
export function checkFault<F extends SandboxFault>(fault: F, label: string): F {
  if (typeof fault !== "object" || fault === null) {
    throw new TypeError(`${label} must be an object such as { status: 503 }`);
  }
  const { status, retryAfterSeconds, delayMs, reset } = fault;
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new TypeError(`${label}: status must be an HTTP error status, 400 to 599`);
  }
  if (
    retryAfterSeconds !== undefined &&
    !(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)
  ) {
    throw new TypeError(`${label}: retryAfterSeconds must be a whole number of seconds`);
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= 600_000)) {
    throw new TypeError(`${label}: delayMs must be a number of milliseconds, 0 to 600000`);
  }
  if (reset !== undefined && typeof reset !== "boolean") {
    throw new TypeError(`${label}: reset must be true or false`);
  }
  if (fault.deviate !== undefined) {
    checkDeviations(fault.deviate, label);
    if (status !== undefined || reset === true) {
      throw new TypeError(
        `${label}: deviate changes a success answer; give it without status or reset`,
      );
    }
  }
  if (
    status === undefined &&
    delayMs === undefined &&
    reset !== true &&
    fault.deviate === undefined
  ) {
    throw new TypeError(`${label} asks for nothing: give status, delayMs, reset or deviate`);
  }
  if (status !== undefined && reset === true) {
    throw new TypeError(`${label}: a reset sends no status; give one or the other`);
  }
  return fault;
}

/** Faults queued by API or control endpoint, handed out to the requests they match, in order. */
export class FaultQueue {
  private queue: Array<{ fault: SandboxFault; left: number; method?: string; path?: string }> = [];

  /** Queues a fault for the next matching request (or the next `times` of them). */
  next(fault: QueuedFault): void {
    const { times = 1, method, path, ...rest } = checkFault(fault, "faults.next(fault)");
    if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
      throw new TypeError("faults.next(fault): times must be a positive whole number or Infinity");
    }
    if (method !== undefined && (typeof method !== "string" || method.trim() === "")) {
      throw new TypeError("faults.next(fault): method must be an HTTP method such as GET");
    }
    if (path !== undefined && (typeof path !== "string" || !path.startsWith("/"))) {
      throw new TypeError("faults.next(fault): path must start with /, e.g. /beta/agents");
    }
    this.queue.push({
      fault: rest,
      left: times,
      ...(method === undefined ? {} : { method: method.toUpperCase() }),
      ...(path === undefined ? {} : { path }),
    });
  }

  /** Removes every queued fault. */
  clear(): void {
    this.queue = [];
  }

  /** Faults still waiting (a fault for several requests counts once). */
  get pending(): number {
    return this.queue.length;
  }

  /** The first queued fault matching this request, used up by one. */
  take(method: string, path: string, template: string | undefined): SandboxFault | undefined {
    const index = this.queue.findIndex(
      (entry) =>
        (entry.method === undefined || entry.method === method) &&
        (entry.path === undefined || entry.path === path || entry.path === template),
    );
    if (index < 0) return undefined;
    const entry = this.queue[index]!;
    entry.left -= 1;
    if (entry.left <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}
