import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { check, type Result } from "../report.js";
import { median } from "../stats.js";

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve("typescript/lib/tsc.js");

async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return performance.now() - started;
}

/**
 * Wall time of `npm run generate`, and `tsc --noEmit` of a small consumer written against the
 * facade versus the same consumer written against client.raw (interleaved, three each).
 */
export async function developerTime(): Promise<Result[]> {
  const generate: number[] = [];
  for (let i = 0; i < 2; i++)
    generate.push(await timed(["--import", "tsx", "scripts/generate.ts"]));
  const facade: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 3; i++) {
    facade.push(await timed([tsc, "-p", "bench/typecheck/tsconfig.facade.json"]));
    raw.push(await timed([tsc, "-p", "bench/typecheck/tsconfig.raw.json"]));
  }
  const ratio = median(facade) / median(raw);
  return [
    {
      case: "5 developer time",
      name: "npm run generate (wall)",
      value: median(generate),
      unit: "ms",
    },
    {
      case: "5 developer time",
      name: "tsc: consumer using the facade",
      value: median(facade),
      unit: "ms",
    },
    {
      case: "5 developer time",
      name: "tsc: same consumer using client.raw",
      value: median(raw),
      unit: "ms",
    },
    {
      case: "5 developer time",
      name: "facade / raw typecheck",
      value: ratio,
      unit: "x",
      ratio,
      target: "<= 1.5",
      pass: check(ratio, "<= 1.5"),
    },
  ];
}
