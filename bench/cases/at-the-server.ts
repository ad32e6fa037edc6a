/**
 * What every limiter scenario of the bench is held to, measured where Dixa counts: at the bench
 * server (its own process, its own clock), with and without a CPU-bound process beside the
 * client. No more than 10 arrivals in any rolling second and 5 in any 100 ms, no 429, and at
 * least 0.9 × 10/s together while there is work waiting.
 */
import { spawn } from "node:child_process";
import { maxInWindow } from "../../test/support/dixa-rate-limit.js";
import { check, type Result } from "../report.js";
import { quantile } from "../stats.js";

export interface LimitStats {
  /** Arrival times (ms, the server's clock) of the requests the limit accepted. */
  accepted: number[];
  rejected: number;
  /** The `x-worker` header of each accepted request. */
  workers: string[];
}

/** What the bench server saw since it was last asked, and a fresh start for the next scenario. */
export async function limitStats(baseUrl: string): Promise<LimitStats> {
  return (await (await fetch(`${baseUrl}/__limit-stats`)).json()) as LimitStats;
}

export type Conditions = "idle" | "CPU hog beside";

/** Runs a scenario twice: on a quiet machine, then with a process keeping one core busy. */
export async function idleAndBusy(
  run: (conditions: Conditions) => Promise<Result[]>,
): Promise<Result[]> {
  const idle = await run("idle");
  const hog = spawn(process.execPath, ["-e", "for (;;);"], { stdio: "ignore" });
  try {
    return [...idle, ...(await run("CPU hog beside"))];
  } finally {
    hog.kill("SIGKILL");
  }
}

/** The rule's rows for one scenario: rate, most per second and per 100 ms, 429s and failures. */
export function ruleRows(name: string, stats: LimitStats, failedCalls: number): Result[] {
  const times = stats.accepted;
  const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
  const perSecond = maxInWindow(times, 1000);
  const per100ms = maxInWindow(times, 100);
  const refused = stats.rejected + failedCalls;
  return [
    {
      case: name,
      name: `aggregate rate at the server / 10 per s (${times.length} arrivals)`,
      value: rate,
      unit: "req/s",
      ratio: rate / 10,
      target: ">= 0.9",
      pass: check(rate / 10, ">= 0.9"),
    },
    threshold(name, "most arrivals in any 1,000 ms", perSecond, "<= 10"),
    threshold(name, "most arrivals in any 100 ms", per100ms, "<= 5"),
    threshold(name, "429 answers (and failed calls)", refused, "<= 0"),
  ];
}

/** A figure held to a target of its own (the figure is its own ratio). */
export function threshold(name: string, metric: string, value: number, target: string): Result {
  return {
    case: name,
    name: metric,
    value,
    unit: "",
    ratio: value,
    target,
    pass: check(value, target),
  };
}

/** p95 of how long interactive calls took, against the 400 ms of issue #24. */
export function interactiveRow(name: string, latenciesMs: number[]): Result {
  const p95 = quantile(latenciesMs, 0.95);
  return {
    case: name,
    name: `interactive call among 200 waiting background calls, p95 of ${latenciesMs.length} (median ${quantile(latenciesMs, 0.5).toFixed(0)} ms, max ${Math.max(...latenciesMs).toFixed(0)} ms)`,
    value: p95,
    unit: "ms",
    ratio: p95 / 400,
    target: "<= 1",
    pass: p95 <= 400,
  };
}

/**
 * Each worker's share of the arrivals in every 4 s window of the run, lowest and highest: with
 * fair turns each of n workers gets about 1/n.
 */
export function shareRows(name: string, stats: LimitStats, windowMs = 4_000): Result[] {
  const labels = [...new Set(stats.workers)].sort();
  let lowest = 1;
  let highest = 0;
  const times = stats.accepted;
  for (let from = 0; from < times.length && times[from]! + windowMs <= times.at(-1)!; from++) {
    let to = from;
    while (to < times.length && times[to]! < times[from]! + windowMs) to++;
    const inWindow = stats.workers.slice(from, to);
    for (const label of labels) {
      const share = inWindow.filter((worker) => worker === label).length / inWindow.length;
      lowest = Math.min(lowest, share);
      highest = Math.max(highest, share);
    }
  }
  return [
    threshold(
      name,
      `lowest share of one worker in any 4 s window (${labels.length} workers)`,
      lowest,
      ">= 0.15",
    ),
    threshold(name, "highest share of one worker in any 4 s window", highest, "<= 0.35"),
  ];
}
