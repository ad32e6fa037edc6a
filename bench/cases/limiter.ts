import { createDixaClient } from "../../src/index.js";
import { check, type Result } from "../report.js";

const requests = 100;

/**
 * 100 requests fired at once with the default limiter against a server that enforces Dixa's
 * 10/s burst 4 (bench/server.ts); the rate is measured where they arrive.
 */
export async function limiterFidelity(baseUrl: string): Promise<Result[]> {
  await fetch(`${baseUrl}/__limit-stats`).then((r) => r.text()); // fresh server-side bucket
  const client = createDixaClient({ apiKey: `bench-limiter-${Date.now()}`, baseUrl, retry: false });
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
  const ratio = rate / 10;
  return [
    { case: "4 limiter fidelity", name: "achieved rate at the server", value: rate, unit: "req/s" },
    {
      case: "4 limiter fidelity",
      name: "achieved / 10 per s",
      value: ratio,
      unit: "x",
      ratio,
      target: ">= 0.95",
      pass: check(ratio, ">= 0.95"),
    },
    {
      case: "4 limiter fidelity",
      name: "429 answers (and failed calls)",
      value: stats.rejected + failed,
      unit: "",
      ratio: stats.rejected + failed,
      target: "<= 0",
      pass: stats.rejected + failed === 0,
    },
  ];
}
