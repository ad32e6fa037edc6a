/**
 * `npm run bench`: the facade's cost measured side by side with its peers (bare fetch,
 * openapi-fetch, orval, hey-api, ky, axios) against a loopback server started here, printed as
 * one table plus the peer comparison of issue #13 and written to bench/results.json. A missed
 * target is printed as MISS; it does not fail anything.
 *
 * `npm run bench -- limiter redis` runs only the stages whose name holds one of the words given
 * (case-insensitive), and writes bench/results.partial.json instead.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { bulkSplit } from "./cases/bulk-split.js";
import { bundleSize } from "./cases/bundle-size.js";
import { developerTime } from "./cases/dev-time.js";
import { limiterFidelity } from "./cases/limiter.js";
import { importTime } from "./cases/import-time.js";
import { paginationAtScale } from "./cases/pagination.js";
import { peerCalls } from "./cases/peer-calls.js";
import { sandboxOverhead } from "./cases/sandbox-overhead.js";
import { webhookVerification } from "./cases/webhook-verify.js";
import { webhookDedupe } from "./cases/webhook-dedupe.js";
import { redisLimiter } from "./cases/redis-limiter.js";
import { responseValidation } from "./cases/response-validation.js";
import { allPeers, setUpPeers } from "./peers/index.js";
import type { PeerSetup } from "./peers/peer.js";
import { PeerTable } from "./peers/table.js";
import { formatTable, type Result } from "./report.js";
import { asDixasGateway } from "../test/support/separate-processes.js";

async function startServer() {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/server.ts"], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  // It stands for Dixa's gateway and stamps arrivals when its event loop gets to them: kept
  // waiting for the CPU, it would stamp requests that came over a few hundred ms all at once.
  asDixasGateway(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main() {
  const started = performance.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`dixa-beta bench on ${machine}\n`);
  const only = process.argv.slice(2).map((word) => word.toLowerCase());
  const wanted = (stageName: string) =>
    only.length === 0 || only.some((word) => stageName.toLowerCase().includes(word));
  const server = await startServer();
  const results: Result[] = [];
  const stage = async (name: string, run: () => Promise<Result[]>) => {
    if (!wanted(name)) return;
    process.stdout.write(`running ${name}... `);
    const t = performance.now();
    results.push(...(await run()));
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  let peerTable: PeerTable | undefined;
  try {
    const peerStages = [
      "1 import time, fresh processes",
      "1 bundle size",
      "1 per-call, this facade and its peers",
    ] as const;
    const validationStage = "9 response validation";
    // The peers' build also gives the validation stage the facade it bundles.
    let setup: PeerSetup | undefined;
    if (peerStages.some(wanted) || wanted(validationStage)) {
      process.stdout.write("building the facade and generating its peers... ");
      const t = performance.now();
      setup = await setUpPeers(server.url);
      console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    if (setup !== undefined && peerStages.some(wanted)) {
      const peers = allPeers(setup);
      const table = (peerTable = new PeerTable(peers));
      await stage(peerStages[0], () => importTime(peers, setup, table));
      await stage(peerStages[1], () => bundleSize(peers, setup, table));
      await stage(peerStages[2], () => peerCalls(peers, server.url, table));
    }
    await stage("2 pagination at scale", () => paginationAtScale(server.url));
    await stage("3 bulk split", () => bulkSplit());
    await stage("4 limiter fidelity", () => limiterFidelity(server.url));
    await stage("5 developer time", () => developerTime());
    await stage("6 sandbox overhead over Prism", () => sandboxOverhead());
    await stage("7 webhook verification", () => webhookVerification());
    await stage("7 webhook de-duplication", () => webhookDedupe());
    await stage("8 Redis limiter", () => redisLimiter(server.url));
    if (setup !== undefined) {
      const built = setup;
      await stage(validationStage, () => responseValidation(built));
    }
  } finally {
    server.stop();
  }
  console.log(`\n${formatTable(results)}\n`);
  if (peerTable) console.log(`Peer comparison (issue #13), this run:\n\n${peerTable.format()}\n`);
  const missed = results.filter((r) => r.pass === false);
  console.log(
    missed.length === 0
      ? "All targets met."
      : `Missed targets: ${missed.map((r) => `${r.case} / ${r.name}`).join("; ")}`,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`Bench took ${seconds.toFixed(0)} s.`);
  await writeFile(
    new URL(only.length === 0 ? "results.json" : "results.partial.json", import.meta.url),
    `${JSON.stringify({ machine, date: new Date().toISOString(), seconds: Math.round(seconds), results }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
