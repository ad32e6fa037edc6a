import { spawn } from "node:child_process";
import { createDixaClient } from "../../src/index.js";
import { maxInWindow } from "../../test/support/dixa-rate-limit.js";
import { check, type Result } from "../report.js";

const requests = 100;

/**
 * 100 requests fired at once with the default limiter against a server in its own process that
 * enforces Dixa's 10/s burst 4 (bench/server.ts), measured where they arrive, by the server's
 * clock: once on an idle machine and once with a CPU-bound process beside it. The rule holds
 * when no second holds more than 10 arrivals and no 100 ms more than 5; the rate should stay
 * within 10 % of the limit.
 */
export async function limiterFidelity(baseUrl: string): Promise<Result[]> {
  const idle = await run(baseUrl, "idle");
  const hog = spawn(process.execPath, ["-e", "for (;;);"], { stdio: "ignore" });
  try {
    return [...idle, ...(await run(baseUrl, "CPU hog beside"))];
  } finally {
    hog.kill("SIGKILL");
  }
}

async function run(baseUrl: string, label: string): Promise<Result[]> {
  const name = `4 limiter at the server (${label})`;
  await fetch(`${baseUrl}/__limit-stats`).then((r) => r.text()); // fresh server-side bucket
  const client = createDixaClient({
    apiKey: `bench-limiter-${label}-${Date.now()}`,
    baseUrl,
    retry: false,
  });
  const outcomes = await Promise.allSettled(
    Array.from({ length: requests }, () => client.organization.get()),
  );
  const stats = (await (await fetch(`${baseUrl}/__limit-stats`)).json()) as {
    accepted: number[];
    rejected: number;
  };
  const failed = outcomes.filter((o) => o.status === "rejected").length;
  const span = (stats.accepted.at(-1)! - stats.accepted[0]!) / 1000;
  const rate = (stats.accepted.length - 1) / span;
  const perSecond = maxInWindow(stats.accepted, 1000);
  const per100ms = maxInWindow(stats.accepted, 100);
  return [
    { case: name, name: "achieved rate at the server", value: rate, unit: "req/s" },
    {
      case: name,
      name: "achieved / 10 per s",
      value: rate / 10,
      unit: "x",
      ratio: rate / 10,
      target: ">= 0.9",
      pass: check(rate / 10, ">= 0.9"),
    },
    {
      case: name,
      name: "most arrivals in any 1,000 ms",
      value: perSecond,
      unit: "",
      ratio: perSecond,
      target: "<= 10",
      pass: perSecond <= 10,
    },
    {
      case: name,
      name: "most arrivals in any 100 ms",
      value: per100ms,
      unit: "",
      ratio: per100ms,
      target: "<= 5",
      pass: per100ms <= 5,
    },
    {
      case: name,
      name: "429 answers (and failed calls)",
      value: stats.rejected + failed,
      unit: "",
      ratio: stats.rejected + failed,
      target: "<= 0",
      pass: stats.rejected + failed === 0,
    },
  ];
}
