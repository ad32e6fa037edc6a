import type { FacadeChange } from "./facade-changes.js";
import type { SpecChange, SpecChangeSummary } from "./spec-changes.js";

/**
 * Renders the change report `npm run spec:update` prints: first what the refresh does to code
 * that uses the client, call by call; then the spec-level details, each under its operation.
 */
export function formatChangeReport(
  summary: SpecChangeSummary,
  shas: { before: string | undefined; after: string },
  facade: readonly FacadeChange[] = [],
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
    return lines.join("\n");
  }
  if (facade.length > 0) {
    lines.push("", "What changes for code that uses the client:");
    for (const change of facade) {
      lines.push(`  ${change.breaking ? "BREAKING" : "-"} ${change.call} ${change.detail}`);
    }
    const review = facade.filter((c) => c.detail.includes("name is a default"));
    if (review.length > 0) {
      lines.push(
        "",
        `Default names to review in src/operation-names.ts: ${review.map((c) => `${c.call} (${c.operationId})`).join(", ")}`,
      );
    }
    lines.push("", "Spec details:");
  }
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

function mark(change: SpecChange): string {
  return change.breaking ? "BREAKING" : "-";
}

function id(change: SpecChange): string {
  return change.operationId === undefined ? "" : ` (${change.operationId})`;
}

/** The same summary as plain data, for `--json`. */
export function changeReportJson(summary: SpecChangeSummary, facade: readonly FacadeChange[] = []) {
  return {
    facade,
    operationsBefore: summary.operationsBefore,
    operationsAfter: summary.operationsAfter,
    added: summary.added,
    removed: summary.removed,
    changed: Object.fromEntries(summary.changed),
    breaking: summary.breaking,
  };
}
