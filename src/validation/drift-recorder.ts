import type { DixaEvent } from "../http/events.js";
import type { ResponseMismatch } from "./mismatch.js";

/** One kind of difference at one place of one operation's answers, over all calls recorded. */
export interface DriftRow extends Omit<ResponseMismatch, "status" | "pointer"> {
  /** The pointer with each array position shown as `*`: one row for all the items of a list. */
  pointer: string;
  /** The statuses it came with. */
  statuses: number[];
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface DriftRecorder {
  /**
   * Pass it as `onEvent`, or call it from yours: it keeps `response-mismatch` events and ignores
   * the others.
   */
  readonly record: (event: DixaEvent) => void;
  /** The rows, by operation, then pointer. */
  rows(): DriftRow[];
  /** The rows as a text table, one block per operation. */
  table(): string;
  /** Differences not kept because `maxRows` was reached. */
  readonly dropped: number;
  clear(): void;
}

export interface DriftRecorderOptions {
  /** The most rows kept; later new rows are counted in `dropped`. Default 1,000. */
  maxRows?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * Collects the differences `validateResponses` reports across calls, so a long-running sync can
 * show where Dixa's answers drift from its description, how often and since when:
 *
 * ```ts
 * import { createDixaClient, createDriftRecorder } from "dixa-beta";
 *
 * const drift = createDriftRecorder();
 * const dixa = createDixaClient({
 *   apiKey: process.env.DIXA_API_KEY!,
 *   validateResponses: "warn",
 *   onEvent: drift.record,
 * });
 * // ... later
 * console.log(drift.table());
 * ```
 *
 * It holds no values from the answers (events carry none): only where, what kind, how often.
 */
export function createDriftRecorder(options: DriftRecorderOptions = {}): DriftRecorder {
  const maxRows = options.maxRows ?? 1_000;
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    throw new TypeError("createDriftRecorder: `maxRows` must be a whole number of at least 1");
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function")
    throw new TypeError("createDriftRecorder: `now` must be a function");
  const rows = new Map<string, DriftRow>();
  let dropped = 0;

  const record = (event: DixaEvent) => {
    if (event.type !== "response-mismatch") return;
    const pointer = event.pointer.replace(/\/\d+(?=\/|$)/g, "/*");
    const key = JSON.stringify([
      event.operationId,
      pointer,
      event.kind,
      event.expected,
      event.received,
    ]);
    const at = new Date(now());
    const row = rows.get(key);
    if (row !== undefined) {
      row.count++;
      row.lastSeen = at;
      if (!row.statuses.includes(event.status)) row.statuses.push(event.status);
      return;
    }
    if (rows.size >= maxRows) {
      dropped++;
      return;
    }
    const { operationId, kind, expected, received, breaking, schema } = event;
    rows.set(key, {
      operationId,
      pointer,
      kind,
      expected,
      received,
      breaking,
      schema,
      statuses: [event.status],
      count: 1,
      firstSeen: at,
      lastSeen: at,
    });
  };

  const sorted = () =>
    [...rows.values()].sort(
      (a, b) => a.operationId.localeCompare(b.operationId) || a.pointer.localeCompare(b.pointer),
    );

  return {
    record,
    rows: () => sorted().map((row) => ({ ...row, statuses: [...row.statuses] })),
    table: () => renderTable(sorted(), dropped),
    get dropped() {
      return dropped;
    },
    clear() {
      rows.clear();
      dropped = 0;
    },
  };
}

const columns = [
  "pointer",
  "kind",
  "expected",
  "received",
  "count",
  "first seen",
  "last seen",
  "in the description",
];
const maxCell = 48;

function renderTable(rows: readonly DriftRow[], dropped: number): string {
  if (rows.length === 0) return "No differences from Dixa's description recorded.";
  const blocks: string[] = [];
  for (const operationId of [...new Set(rows.map((row) => row.operationId))]) {
    const cells = rows
      .filter((row) => row.operationId === operationId)
      .map((row) => [
        row.pointer || "(body)",
        row.breaking ? row.kind : `${row.kind} (additive)`,
        row.expected,
        row.received,
        String(row.count),
        row.firstSeen.toISOString(),
        row.lastSeen.toISOString(),
        row.schema,
      ]);
    const widths = columns.map((title, i) =>
      Math.min(maxCell, Math.max(title.length, ...cells.map((c) => c[i]!.length))),
    );
    // The last column, where the overlay action would go, is never shortened.
    const line = (values: readonly string[]) =>
      values
        .map((value, i) => (i === values.length - 1 ? value : clip(value).padEnd(widths[i]!)))
        .join("  ")
        .trimEnd();
    blocks.push([operationId, line(columns), ...cells.map(line)].join("\n"));
  }
  if (dropped > 0) blocks.push(`(${dropped} more differences not kept: maxRows reached)`);
  return blocks.join("\n\n");
}

function clip(value: string): string {
  return value.length <= maxCell ? value : `${value.slice(0, maxCell - 1)}…`;
}
