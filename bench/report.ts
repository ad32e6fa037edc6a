import type { Task } from "tinybench";

/** One figure of the bench, as printed and as written to bench/results.json. */
export interface Result {
  case: string;
  name: string;
  value: number;
  unit: string;
  /** The figure compared against its reference, where the case has one. */
  ratio?: number;
  /** e.g. "<= 1.05" or ">= 0.95"; absent for figures reported for information. */
  target?: string;
  pass?: boolean;
  /** For a missed target: what dominates the figure (printed under the peer table). */
  note?: string;
}

/** A finished task's latency statistics (tinybench types them as possibly aborted). */
export function latencyOf(task: Task): { p50?: number; samples?: number[] } {
  const result = task.result as { latency?: { p50?: number; samples?: number[] }; error?: unknown };
  if (result.latency === undefined)
    throw new Error(`bench task ${task.name} failed: ${String(result.error)}`);
  return result.latency;
}

export function check(ratio: number, target: string): boolean {
  const [, op, limit] = /^(<=|>=|<|>)\s*([\d.]+)$/.exec(target) ?? [];
  const n = Number(limit);
  if (op === "<=") return ratio <= n;
  if (op === ">=") return ratio >= n;
  if (op === "<") return ratio < n;
  if (op === ">") return ratio > n;
  throw new Error(`bad target ${target}`);
}

export function formatTable(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.case,
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.ratio === undefined ? "" : formatNumber(r.ratio),
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "pass" : "MISS",
  ]);
  const header = ["case", "metric", "value", "ratio", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}
