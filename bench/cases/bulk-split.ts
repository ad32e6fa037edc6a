import { Bench } from "tinybench";
import { splitBulkOutcomes } from "../../src/index.js";
import { check, latencyOf, type Result } from "../report.js";
import { collectGarbage } from "../stats.js";

const items = 100_000;

/** splitBulkOutcomes over 100,000 outcomes, one in ten a failure, half without `_type`. */
export async function bulkSplit(): Promise<Result[]> {
  const inputs = Array.from({ length: items }, (_, i) => ({ message: `note ${i}` }));
  const outcomes = inputs.map((input, i) => {
    const tagged = i % 2 === 0;
    return i % 10 === 3
      ? {
          ...(tagged ? { _type: "BulkActionFailure" } : {}),
          error: { _type: "Validation", message: "too long" },
        }
      : {
          ...(tagged ? { _type: "BulkActionSuccess" } : {}),
          data: { id: `n${i}`, message: input.message },
        };
  });

  const bench = new Bench({ time: 2_000, warmup: true });
  bench.add("split 100k", () => {
    splitBulkOutcomes(inputs, outcomes);
  });
  await bench.run();
  const nsPerItem = (latencyOf(bench.tasks[0]!).p50! * 1e6) / items;

  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const result = splitBulkOutcomes(inputs, outcomes);
  const bytesPerItem = (process.memoryUsage().heapUsed - before) / items;
  if (result.successes.length + result.failures.length !== items)
    throw new Error("split lost items");

  return [
    {
      case: "3 bulk split 100k",
      name: "time per outcome (median run)",
      value: nsPerItem,
      unit: "ns",
      ratio: nsPerItem / 1000,
      target: "< 1",
      pass: check(nsPerItem / 1000, "< 1"),
    },
    {
      case: "3 bulk split 100k",
      name: "result memory per outcome",
      value: bytesPerItem,
      unit: "bytes",
    },
  ];
}
