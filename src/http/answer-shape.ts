import { DixaMalformedResponseError } from "../errors.js";

/**
 * Checks of a success answer's envelope, the least the facade needs to hand back what its types
 * promise: a JSON object, with `data` of the kind the spec describes. A body of another shape is
 * a DixaMalformedResponseError with the real status, never a `null` or a string passed off as
 * the resource. (Checking the resource itself against its schema is the opt-in validation's
 * job.) Messages name kinds, never values: answers carry personal data.
 */

/** What `data` holds in an operation's success answer, as the spec describes it. */
export type DataShape = "object" | "list";

/** An answer read: its status, and its body parsed (undefined when it had none). */
export interface ParsedAnswer {
  status: number;
  body: unknown;
}

interface Operation {
  method: string;
  pathTemplate: string;
}

/** The whole body, which must be a JSON object (for answers with more than `data` in them). */
export function objectBody<T>(answer: ParsedAnswer, operation: Operation): T {
  if (kindOf(answer.body) !== "an object") {
    throw malformed(
      answer,
      operation,
      `${describeBody(answer.body)}, where a JSON object is described`,
    );
  }
  return answer.body as T;
}

/**
 * What is inside the `{ data }` envelope: an object or a list, and the one `shape` says when it
 * is given.
 */
export function envelopeData<T>(answer: ParsedAnswer, operation: Operation, shape?: DataShape): T {
  const body = objectBody<Record<string, unknown>>(answer, operation);
  if (!Object.hasOwn(body, "data")) {
    throw malformed(answer, operation, "a body without the `{ data }` envelope");
  }
  const data = body["data"];
  const kind = kindOf(data);
  const expected = shape === "list" ? "a list" : shape === "object" ? "an object" : undefined;
  if (expected === undefined ? kind !== "a list" && kind !== "an object" : kind !== expected) {
    throw malformed(
      answer,
      operation,
      `\`data\` that is ${kind}, where ${expected ?? "an object or a list"} is described`,
    );
  }
  return data as T;
}

/**
 * One page of a paged list: a JSON object whose `data` is a list, and `meta.next`, the link to
 * the next page, when there is one (a string; absent, null or empty on the last page).
 */
export function pageData(
  answer: ParsedAnswer,
  operation: Operation,
): { items: unknown[]; next: string | undefined } {
  const items = envelopeData<unknown[]>(answer, operation, "list");
  const meta = (answer.body as { meta?: unknown }).meta;
  const next = kindOf(meta) === "an object" ? (meta as { next?: unknown }).next : undefined;
  if (next === undefined || next === null || next === "") return { items, next: undefined };
  if (typeof next !== "string") {
    throw malformed(answer, operation, `a \`meta.next\` that is ${kindOf(next)}, not a link`);
  }
  return { items, next };
}

export function malformed(
  answer: ParsedAnswer,
  operation: Operation,
  detail: string,
): DixaMalformedResponseError {
  return new DixaMalformedResponseError(
    operation.method,
    operation.pathTemplate,
    answer.status,
    detail,
  );
}

function describeBody(body: unknown): string {
  return body === undefined ? "no body" : `a body that is ${kindOf(body)}`;
}

/** The JSON kind of a value, without the value. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "absent";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
