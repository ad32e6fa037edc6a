import type { FacadePlan, PlannedOperation } from "./facade-plan.js";
import type { SpecChange } from "./spec-changes.js";

/** One consequence of a refresh for code that uses the client, said in terms of its calls. */
export interface FacadeChange {
  /** `client.agents.list()` */
  call: string;
  /** The same operation as a standalone function and as a raw call: `agentsList(core, …)`. */
  alsoAs: string;
  operationId: string;
  breaking: boolean;
  detail: string;
}

/**
 * What a refreshed spec does to the facade: methods added (with their default names to review)
 * and removed, and for each method on both sides what changed in its signature or result: a
 * parameter newly required, a body that appeared, a list that stopped being paged. Spec-level
 * changes that reach a method but not its signature (a response field removed...) are listed
 * under its call too.
 */
export function compareFacades(
  before: FacadePlan | undefined,
  after: FacadePlan,
  specChanges: readonly SpecChange[],
): FacadeChange[] {
  const old = new Map((before?.operations ?? []).map((o) => [o.operationId, o]));
  const now = new Map(after.operations.map((o) => [o.operationId, o]));
  const changes: FacadeChange[] = [];
  for (const [id, operation] of old) {
    if (!now.has(id)) {
      changes.push({
        ...callsOf(operation),
        operationId: id,
        breaking: true,
        detail: `removed (${route(operation)}): calls to it no longer compile`,
      });
    }
  }
  for (const [id, operation] of now) {
    const previous = old.get(id);
    if (previous === undefined) {
      changes.push({
        ...callsOf(operation),
        operationId: id,
        breaking: false,
        detail: `added (${route(operation)})${operation.defaultName ? "; its name is a default: review it in scripts/operation-names.ts" : ""}`,
      });
      continue;
    }
    if (callOf(previous) !== callOf(operation)) {
      changes.push({
        ...callsOf(previous),
        operationId: id,
        breaking: true,
        detail: `renamed to ${callOf(operation)} (${functionOf(operation)})`,
      });
    }
    changes.push(
      ...signatureChanges(previous, operation).map((change) => ({
        ...callsOf(operation),
        operationId: id,
        ...change,
      })),
    );
  }
  // What the spec says changed inside a method that kept its signature.
  const covered = new Set(changes.map((c) => c.operationId));
  for (const change of specChanges) {
    const id = change.operationId;
    const operation = id === undefined ? undefined : now.get(id);
    if (operation === undefined || id === undefined || change.kind === "other") continue;
    if (covered.has(id) && change.kind.startsWith("parameter")) continue;
    changes.push({
      ...callsOf(operation),
      operationId: id,
      breaking: change.breaking,
      detail: change.detail,
    });
  }
  return changes.sort(
    (a, b) => Number(b.breaking) - Number(a.breaking) || a.call.localeCompare(b.call),
  );
}

function signatureChanges(
  before: PlannedOperation,
  after: PlannedOperation,
): Array<{ breaking: boolean; detail: string }> {
  const out: Array<{ breaking: boolean; detail: string }> = [];
  if (before.result !== after.result) {
    if (before.result === "pages") {
      out.push({
        breaking: true,
        detail: `is no longer paged: it resolves with ${returns(after)} instead of a Paginated list (the spec no longer gives it both \`pageKey\` and \`meta\`)`,
      });
    } else if (after.result === "pages") {
      out.push({ breaking: true, detail: "is now paged: it returns a Paginated list" });
    } else {
      out.push({
        breaking: true,
        detail: `now resolves with ${returns(after)}, was ${returns(before)}`,
      });
    }
  }
  const paths = (o: PlannedOperation) =>
    o.pathParameters.map((p) => `${p.name}: ${p.kind}`).join(", ");
  if (paths(before) !== paths(after)) {
    out.push({
      breaking: true,
      detail: `path parameters are now (${paths(after)}), were (${paths(before)})`,
    });
  }
  if (before.body === undefined && after.body !== undefined) {
    out.push({
      breaking: after.body.required,
      detail: `takes a body \`${after.body.name}\` now (${after.body.required ? "required" : "optional"})`,
    });
  } else if (before.body !== undefined && after.body === undefined) {
    out.push({ breaking: true, detail: `takes no body any more (was \`${before.body.name}\`)` });
  } else if (
    before.body !== undefined &&
    after.body !== undefined &&
    !before.body.required &&
    after.body.required
  ) {
    out.push({ breaking: true, detail: `its body \`${after.body.name}\` is now required` });
  }
  const oldQuery = new Map(before.query.map((q) => [q.name, q]));
  const newQuery = new Map(after.query.map((q) => [q.name, q]));
  for (const [name, q] of newQuery) {
    const was = oldQuery.get(name);
    if (was === undefined) {
      out.push({
        breaking: q.required,
        detail: `query \`${name}\` added${q.required ? " and required" : ""}`,
      });
    } else if (q.required && !was.required) {
      out.push({ breaking: true, detail: `query \`${name}\` is now required` });
    }
  }
  for (const name of oldQuery.keys()) {
    if (!newQuery.has(name)) out.push({ breaking: true, detail: `query \`${name}\` removed` });
  }
  return out;
}

function returns(operation: PlannedOperation): string {
  switch (operation.result) {
    case "data":
      return "the answer's data";
    case "body":
      return "the whole answer";
    case "void":
      return "nothing";
    case "pages":
      return "a Paginated list";
    case "bulk":
      return "per-item successes and failures";
  }
}

function callOf(operation: PlannedOperation): string {
  return `client.${operation.resource}.${operation.name}()`;
}

function functionOf(operation: PlannedOperation): string {
  return `${operation.functionName}(core, …)`;
}

/** The facade call, and the other two ways to reach the same operation. */
function callsOf(operation: PlannedOperation): Pick<FacadeChange, "call" | "alsoAs"> {
  const raw = `client.raw.${operation.method.toUpperCase()}(${JSON.stringify(operation.path)})`;
  return { call: callOf(operation), alsoAs: `${functionOf(operation)}, ${raw}` };
}

function route(operation: PlannedOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
