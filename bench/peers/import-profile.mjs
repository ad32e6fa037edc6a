// Where an import's time goes (bench/cases/import-time.ts, for a missed target): a fresh `node`
// profiles `await import(argv[2])` with V8's sampling profiler (every 50 µs) and prints the
// profile as JSON.
import { Session } from "node:inspector/promises";

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 50 });
await session.post("Profiler.start");
await import(process.argv[2]);
const { profile } = await session.post("Profiler.stop");
process.stdout.write(JSON.stringify(profile));
