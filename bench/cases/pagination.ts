import { createDixaClient } from "../../src/index.js";
import { check, type Result } from "../report.js";
import { collectGarbage, median } from "../stats.js";

const rounds = 3;
const expectedItems = 100_000;

/**
 * 100,000 agents in 1,000 pages of 100, through the facade's async iterator and through a plain
 * loop over client.raw that follows the same meta.next links; alternating rounds. Heap growth is
 * measured around one facade pass after forced collections, and the peak while it runs.
 */
export async function paginationAtScale(baseUrl: string): Promise<Result[]> {
  const client = createDixaClient({ apiKey: "bench-token", baseUrl, rateLimit: false });

  const viaIterator = async () => {
    let count = 0;
    for await (const agent of client.agents.list({ pageLimit: 100 })) if (agent.id) count++;
    return count;
  };
  const viaRawLoop = async () => {
    let count = 0;
    let pageKey: string | undefined;
    for (;;) {
      const { data } = await client.raw.GET("/beta/agents", {
        params: { query: { pageLimit: 100, pageKey } },
      });
      for (const agent of data?.data ?? []) if (agent.id) count++;
      const next = data?.meta?.next;
      if (!next) return count;
      pageKey = new URL(next, baseUrl).searchParams.get("pageKey") ?? undefined;
    }
  };

  const rates = { iterator: [] as number[], raw: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["iterator", "raw"] as const) : (["raw", "iterator"] as const);
    for (const which of order) {
      const started = performance.now();
      const count = await (which === "iterator" ? viaIterator() : viaRawLoop());
      if (count !== expectedItems)
        throw new Error(`${which} saw ${count} items, expected ${expectedItems}`);
      rates[which].push(count / ((performance.now() - started) / 1000));
    }
  }

  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let seen = 0;
  for await (const agent of client.agents.list({ pageLimit: 100 })) {
    if (agent.id && ++seen % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  collectGarbage();
  const growthMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const peakMb = (peak - before) / 1024 / 1024;

  const ratio = median(rates.iterator) / median(rates.raw);
  return [
    {
      case: "2 pagination 100k",
      name: "async iterator",
      value: median(rates.iterator),
      unit: "items/s",
    },
    {
      case: "2 pagination 100k",
      name: "plain loop over client.raw",
      value: median(rates.raw),
      unit: "items/s",
    },
    {
      case: "2 pagination 100k",
      name: "iterator / raw loop (items/s)",
      value: ratio,
      unit: "x",
      ratio,
      target: ">= 0.95",
      pass: check(ratio, ">= 0.95"),
    },
    {
      case: "2 pagination 100k",
      name: "heap growth after GC",
      value: growthMb,
      unit: "MB",
      ratio: growthMb,
      target: "< 16",
      pass: check(growthMb, "< 16"),
    },
    {
      case: "2 pagination 100k",
      name: "peak heap above start while iterating",
      value: peakMb,
      unit: "MB",
    },
  ];
}
