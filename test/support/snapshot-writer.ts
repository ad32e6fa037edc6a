/**
 * A writer process for the concurrency test: does what `spec:fetch` does (download, validate,
 * write the snapshot) `ITERATIONS` times in a row, fetching `URL/round/<i>/NAME`, so two of
 * these overlap their writes hundreds of times for the cost of starting two processes.
 *
 * It simulates a slow, busy disk: each rename first waits a random 0-8 ms. On a loaded machine
 * a writer can stall like that between renaming the spec and renaming its provenance, which is
 * when another writer slips in; the delay makes that moment common instead of 1 run in 40.
 * Usage: node --import tsx test/support/snapshot-writer.ts URL SPEC_DIR NAME ITERATIONS
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";

const fsPromises = createRequire(import.meta.url)(
  "node:fs/promises",
) as typeof import("node:fs/promises");
const rename = fsPromises.rename;
fsPromises.rename = async (...args: Parameters<typeof rename>) => {
  await sleep(Math.random() * 8);
  return rename(...args);
};
syncBuiltinESMExports();

const { fetchCandidate, writeSnapshot } = await import("../../scripts/lib/snapshot.js");
const [url, specDir, name, iterations] = process.argv.slice(2);
for (let round = 0; round < Number(iterations); round++) {
  const candidate = await fetchCandidate(
    { kind: "url", url: `${url}/round/${round}/${name}` },
    { timeoutMs: 60_000 },
  );
  await writeSnapshot({ specDir: specDir! }, candidate);
}
