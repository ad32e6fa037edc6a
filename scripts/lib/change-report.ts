import type { FacadeChange } from "./facade-changes.js";
import type { PlannedOperation } from "./facade-plan.js";

/** What the naming table needs after a refresh: names to choose, entries whose operation is gone. */
export interface NamingReview {
  /** Operations named by default: their line to add to the table. */
  defaults: readonly PlannedOperation[];
  /** Table entries whose operationId the spec no longer has. */
  stale: readonly string[];
  /** Of those, the ones this refresh removed (the snapshot had them). */
  removedNow?: readonly string[];
}
import type { SpecChange, SpecChangeSummary } from "./spec-changes.js";

/**
 * Renders the change report `npm run spec:update` prints: first what the refresh does to code
 * that uses the client, call by call; then the spec-level details, each under its operation.
 */
export function formatChangeReport(
  summary: SpecChangeSummary,
  shas: { before: string | undefined; after: string },
  facade: readonly FacadeChange[] = [],
  naming: NamingReview = { defaults: [], stale: [] },
): string {
  const lines: string[] = [];
  const short = (sha: string | undefined) => (sha === undefined ? "none" : sha.slice(0, 12));
  lines.push(`Spec change report (${short(shas.before)} → ${short(shas.after)})`);
  lines.push(
    `Operations: ${summary.operationsBefore} → ${summary.operationsAfter}` +
      ` (${summary.added.length} added, ${summary.removed.length} removed, ${summary.changed.size} changed)`,
  );
  lines.push(`Breaking changes: ${summary.breaking.length}`);
  if (summary.added.length + summary.removed.length + summary.changed.size === 0) {
    lines.push("", "No operation changed.");
    lines.push(...namingLines(naming));
    return lines.join("\n");
  }
  if (facade.length > 0) {
    lines.push("", "What changes for code that uses the client:");
    for (const change of facade) {
      lines.push(`  ${change.breaking ? "BREAKING" : "-"} ${change.call} ${change.detail}`);
      lines.push(`      also ${change.alsoAs}`);
    }
  }
  lines.push(...namingLines(naming));
  if (facade.length > 0) lines.push("", "Spec details:");
  const section = (title: string, changes: SpecChange[]) => {
    if (changes.length === 0) return;
    lines.push("", `${title}:`);
    for (const change of changes) lines.push(`  ${mark(change)} ${change.operation}${id(change)}`);
  };
  section("Operations removed", summary.removed);
  section("Operations added", summary.added);
  if (summary.changed.size > 0) {
    lines.push("", "Operations changed:");
    for (const [operation, changes] of [...summary.changed].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      lines.push(`  ${operation}${id(changes[0]!)}`);
      for (const change of changes) lines.push(`    ${mark(change)} ${change.detail}`);
    }
  }
  return lines.join("\n");
}

/** The naming table's part of the report: lines to add, and lines to remove. */
function namingLines({ defaults, stale, removedNow = stale }: NamingReview): string[] {
  const lines: string[] = [];
  if (defaults.length > 0) {
    lines.push(
      "",
      `Default names to review in scripts/operation-names.ts: ${defaults.map((o) => `client.${o.resource}.${o.name}() (${o.operationId})`).join(", ")}`,
      "  To keep a name, add its line to the table:",
      ...defaults.map(
        (o) => `    ${JSON.stringify(o.operationId)}: { call: "${o.resource}.${o.name}" },`,
      ),
    );
  }
  if (stale.length > 0) {
    const older = stale.length - removedNow.length;
    lines.push(
      "",
      `Naming-table entries whose operation is gone (remove them from scripts/operation-names.ts): ${removedNow.join(", ") || "none removed now"}${older > 0 ? `; ${older} more name operations the spec did not have before either` : ""}`,
    );
  }
  return lines;
}

function mark(change: SpecChange): string {
  return change.breaking ? "BREAKING" : "-";
}

function id(change: SpecChange): string {
  return change.operationId === undefined ? "" : ` (${change.operationId})`;
}

/** The same summary as plain data, for `--json`. */
export function changeReportJson(
  summary: SpecChangeSummary,
  facade: readonly FacadeChange[] = [],
  naming: NamingReview = { defaults: [], stale: [] },
) {
  return {
    facade,
    defaultNames: naming.defaults.map((o) => ({
      operationId: o.operationId,
      call: `${o.resource}.${o.name}`,
      function: o.functionName,
    })),
    staleNames: naming.stale,
    operationsBefore: summary.operationsBefore,
    operationsAfter: summary.operationsAfter,
    added: summary.added,
    removed: summary.removed,
    changed: Object.fromEntries(summary.changed),
    breaking: summary.breaking,
  };
}
