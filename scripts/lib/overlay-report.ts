import type { ActionOutcome } from "./apply-overlay.js";
import { overlayFileName } from "./overlay-document.js";

const maxListed = 20;

/**
 * The part of the change report about the project's corrections: which actions no longer select
 * anything, which change nothing because the description already says it (Dixa may have fixed
 * it), and which declare an enum whose prose list has changed. Each is something to edit in
 * openapi/dixa-beta.overlay.yaml.
 */
export function formatOverlayReport(outcomes: readonly ActionOutcome[]): string {
  const applied = outcomes.filter((o) => o.outcome === "applied").length;
  const lines = [
    `Corrections (openapi/${overlayFileName}): ${applied} of ${outcomes.length} actions applied`,
  ];
  const section = (
    title: string,
    items: readonly ActionOutcome[],
    detail: (o: ActionOutcome) => string,
  ) => {
    if (items.length === 0) return;
    lines.push("", `${title}:`);
    for (const item of items.slice(0, maxListed)) {
      lines.push(`  action ${item.action.number} ${item.action.target}${detail(item)}`);
    }
    if (items.length > maxListed) lines.push(`  ... and ${items.length - maxListed} more`);
  };
  section(
    "Actions that select nothing (the place was renamed or removed upstream: update or delete them)",
    outcomes.filter((o) => o.outcome === "unmatched"),
    () => "",
  );
  section(
    "Actions that change nothing (the description already says this; Dixa may have fixed it: delete them)",
    outcomes.filter((o) => o.outcome === "redundant"),
    () => "",
  );
  section(
    "Enums whose prose list changed (update the action's values)",
    outcomes.filter((o) => o.proseValues !== undefined),
    (o) => `: the description now lists ${o.proseValues!.join(", ")}`,
  );
  return lines.join("\n");
}

/** The same as data, for `--json`. */
export function overlayReportJson(outcomes: readonly ActionOutcome[]) {
  return outcomes.map(({ action, matched, outcome, proseValues }) => ({
    action: action.number,
    target: action.target,
    matched,
    outcome,
    ...(proseValues && { proseValues }),
  }));
}
