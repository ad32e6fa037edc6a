/**
 * The in-memory limiter of one process, against the bench server in its own process that
 * enforces Dixa's 10/s burst 4 (bench/server.ts), each scenario idle and with a CPU-bound
 * process beside it, all held to the rule at the server (at-the-server.ts):
 *   - 100 calls fired at once;
 *   - interactive calls made while 200 background calls wait: how soon each goes;
 *   - 1,000 notes created in chunks of 10, four chunks at once, against answers that take
 *     200 ms (Dixa's latency): how close to the 10 s the rate allows, every outcome tied to its
 *     input.
 */
import { setMaxListeners } from "node:events";
import { createDixaClient, RateLimiter, sharedRateLimiter } from "../../src/index.js";
import type { Result } from "../report.js";
import {
  idleAndBusy,
  interactiveRow,
  limitStats,
  ruleRows,
  threshold,
  type Conditions,
} from "./at-the-server.js";

export async function limiterFidelity(baseUrl: string): Promise<Result[]> {
  return [
    ...(await idleAndBusy((conditions) => allAtOnce(baseUrl, conditions))),
    ...(await idleAndBusy((conditions) => interactiveAmongBackground(baseUrl, conditions))),
    ...(await idleAndBusy((conditions) => bulkAtTheCeiling(baseUrl, conditions))),
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freshToken = (what: string) => `bench-limiter-${what}-${Date.now()}`;

async function allAtOnce(baseUrl: string, conditions: Conditions): Promise<Result[]> {
  await limitStats(baseUrl); // a fresh server-side bucket
  const client = createDixaClient({ apiKey: freshToken("burst"), baseUrl, retry: false });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 100 }, () => client.organization.get()),
  );
  const failed = outcomes.filter((o) => o.status === "rejected").length;
  return ruleRows(
    `4 limiter: 100 calls at once (${conditions})`,
    await limitStats(baseUrl),
    failed,
  );
}

/**
 * 200 background calls wait (each one that goes is replaced); 20 interactive calls are made one
 * after another, 250 ms apart, each timed from the call to its answer.
 */
async function interactiveAmongBackground(
  baseUrl: string,
  conditions: Conditions,
): Promise<Result[]> {
  const name = `4 limiter: interactive among background, one process (${conditions})`;
  await limitStats(baseUrl);
  const apiKey = freshToken("lanes");
  const client = createDixaClient({ apiKey, baseUrl, retry: false });
  const stop = new AbortController();
  setMaxListeners(1_000, stop.signal);
  let failed = 0;
  const background = (): Promise<void> =>
    client.organization.get({ priority: "background", signal: stop.signal }).then(
      () => (stop.signal.aborted ? undefined : background()),
      () => {
        if (!stop.signal.aborted) failed++;
      },
    );
  const backlog = Promise.all(Array.from({ length: 200 }, background));
  const limiter = sharedRateLimiter(apiKey);
  const latenciesMs: number[] = [];
  let fewestWaiting = Infinity;
  try {
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      fewestWaiting = Math.min(fewestWaiting, limiter.queued);
      const t = performance.now();
      await client.organization.get({ priority: "interactive" });
      latenciesMs.push(performance.now() - t);
    }
  } finally {
    stop.abort();
    await backlog;
  }
  return [
    interactiveRow(name, latenciesMs),
    threshold(name, "background calls waiting at each try, fewest", fewestWaiting, ">= 195"),
    ...ruleRows(name, await limitStats(baseUrl), failed),
  ];
}

async function bulkAtTheCeiling(baseUrl: string, conditions: Conditions): Promise<Result[]> {
  const name = `4 limiter: 1,000 notes in chunks of 10, answers in 200 ms (${conditions})`;
  // Side by side on the quiet machine: the rule before issue #24, which counts a request until
  // its answer even once it is known to have left.
  const before =
    conditions === "idle"
      ? await timeBulk(baseUrl, new RateLimiter({ networkAllowanceMs: 600_000 }))
      : undefined;
  const { seconds, result, notes } = await timeBulk(baseUrl, undefined);
  const tied =
    result.failures.length === 0 &&
    result.successes.length === notes.length &&
    result.successes.every(
      (success, i) =>
        success.index === i &&
        success.input === notes[i] &&
        success.data.message === notes[i]!.message,
    );
  return [
    {
      case: name,
      name: "time / the 10 s that 100 requests take at 10/s",
      value: seconds,
      unit: "s",
      ratio: seconds / 10,
      target: "<= 1.25",
      pass: seconds / 10 <= 1.25,
    },
    threshold(name, "every outcome tied to its input (1 yes, 0 no)", tied ? 1 : 0, ">= 1"),
    ...ruleRows(name, await limitStats(baseUrl), result.failures.length),
    ...(before === undefined
      ? []
      : [
          {
            case: name,
            name: "for comparison, counted until each answer (the rule before #24): time / 10 s",
            value: before.seconds,
            unit: "s",
            ratio: before.seconds / 10,
          },
        ]),
  ];
}

/** 1,000 notes in chunks of 10, four at once, on a fresh token (or the limiter given). */
async function timeBulk(baseUrl: string, rateLimit: RateLimiter | undefined) {
  await limitStats(baseUrl);
  const client = createDixaClient({
    apiKey: freshToken("bulk"),
    baseUrl,
    retry: false,
    ...(rateLimit && { rateLimit }),
  });
  const notes = Array.from({ length: 1_000 }, (_, i) => ({ message: `note ${i}` }));
  const started = performance.now();
  const result = await client.notes.createMany(4711, notes, { chunkSize: 10, concurrency: 4 });
  return { seconds: (performance.now() - started) / 1000, result, notes };
}
