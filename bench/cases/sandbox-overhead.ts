import { Bench } from "tinybench";
import { startPrism } from "../../scripts/lib/prism.js";
import { startSandboxProcess } from "../../scripts/lib/sandbox-process.js";
import { latencyOf, type Result } from "../report.js";
import { median, quantile, shuffled } from "../stats.js";

// Interleaved short rounds, as in case 1, so load on this shared machine hits both alike.
const rounds = 60;
const iterationsPerRound = 10;

interface Call {
  label: string;
  send: (baseUrl: string) => Promise<unknown>;
}

const headers = { Authorization: "bench-token", "Content-Type": "application/json" };
const calls: Call[] = [
  {
    // No behaviour applies: the sandbox passes Prism's example answer on.
    label: "GET one agent (Prism's answer passed on)",
    send: async (baseUrl) =>
      (
        await fetch(`${baseUrl}/beta/agents/93b885ad-fe0d-3089-8df6-34904fd59f71`, { headers })
      ).json(),
  },
  {
    // A behaviour applies: Prism validates, the sandbox answers one outcome per note.
    label: "POST 10 notes in bulk (the sandbox's answer)",
    send: async (baseUrl) =>
      (
        await fetch(`${baseUrl}/beta/conversations/4711/notes/bulk`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            data: Array.from({ length: 10 }, (_, i) => ({ message: `bench note ${i}` })),
          }),
        })
      ).json(),
  },
];

/**
 * What the sandbox costs per request over bare Prism: the same requests to one Prism directly
 * and through a sandbox in front of it (in a process of its own, rate limit off so it answers
 * every request), medians of the same run.
 */
export async function sandboxOverhead(): Promise<Result[]> {
  const prism = await startPrism();
  const sandbox = await startSandboxProcess(["--prism-url", prism.url, "--no-rate-limit"]);
  try {
    const results: Result[] = [];
    for (const call of calls) {
      const samples = { prism: [] as number[], sandbox: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        const bench = new Bench({
          time: 0,
          iterations: iterationsPerRound,
          warmup: round === 0,
          retainSamples: true,
        });
        const variants = [
          { name: "prism" as const, url: prism.url },
          { name: "sandbox" as const, url: sandbox.url },
        ];
        for (const variant of shuffled(variants))
          bench.add(variant.name, () => call.send(variant.url));
        await bench.run();
        for (const task of bench.tasks) {
          samples[task.name as "prism" | "sandbox"].push(...(latencyOf(task).samples ?? []));
        }
      }
      const bare = median(samples.prism);
      const fronted = median(samples.sandbox);
      const label = `6 sandbox ${call.label}`;
      const p99 = (list: number[]) => (quantile(list, 0.99) * 1000).toFixed(0);
      results.push(
        {
          case: label,
          name: `bare Prism median (p99 ${p99(samples.prism)} µs, n=${samples.prism.length})`,
          value: bare * 1000,
          unit: "µs",
        },
        {
          case: label,
          name: `sandbox in front median (p99 ${p99(samples.sandbox)} µs, n=${samples.sandbox.length})`,
          value: fronted * 1000,
          unit: "µs",
        },
        {
          case: label,
          name: "sandbox's overhead (median)",
          value: (fronted - bare) * 1000,
          unit: "µs",
        },
        {
          case: label,
          name: "sandbox / bare Prism (median)",
          value: fronted / bare,
          unit: "x",
          ratio: fronted / bare,
        },
      );
    }
    return results;
  } finally {
    await sandbox.stop();
    await prism.stop();
  }
}
