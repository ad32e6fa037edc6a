import { createMemoryDedupeStore } from "../../src/webhooks/index.js";
import { check, type Result } from "../report.js";
import { median, shuffled } from "../stats.js";

/**
 * What one call of the in-memory de-duplication store costs when it is full: at its default
 * bound of 100,000 ids against 100 ids, each store kept at its bound (every call records a new
 * id and drops one) with a mix of times to live (a handler's 5-minute claims among 24-hour
 * records), measured side by side in interleaved rounds. Issue #19.17: a sweep from the front
 * of an insertion-ordered Map made a call cost 1.5 µs at 100 ids and 37 µs at 100,000; a heap
 * by expiry keeps it O(log n).
 */
const rounds = 30;
const callsPerRound = 20_000;

export async function webhookDedupe(): Promise<Result[]> {
  const sizes = [100, 100_000];
  const stores = sizes.map((size) => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: size, now: () => now });
    let next = 0;
    const call = () => {
      now += 1;
      const id = `event-${next++}`;
      store.seen(id, next % 3 === 0 ? 300_000 : 86_400_000);
    };
    for (let i = 0; i < size; i++) call();
    if (store.size !== size) throw new Error(`the store of ${size} ids is not full`);
    return { size, call, samples: [] as number[] };
  });
  for (let round = 0; round < rounds; round++) {
    for (const variant of shuffled(stores)) {
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i++) variant.call();
      variant.samples.push(((performance.now() - started) * 1000) / callsPerRound);
    }
  }
  const µs = (size: number) => median(stores.find((s) => s.size === size)!.samples);
  const ratio = µs(100_000) / µs(100);
  return [
    ...sizes.map((size) => ({
      case: "6 webhook dedupe",
      name: `memory store, one call at its bound of ${size.toLocaleString("en-US")} ids (median)`,
      value: µs(size),
      unit: "µs",
    })),
    {
      case: "6 webhook dedupe",
      name: "per-call cost at 100,000 ids / at 100 ids",
      value: ratio,
      unit: "x",
      ratio,
      target: "<= 5",
      pass: check(ratio, "<= 5"),
    },
  ];
}

// `node --import tsx bench/cases/webhook-dedupe.ts` prints this case alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await webhookDedupe());
}
