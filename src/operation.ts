/**
 * Turns one row of the generated operation table into the operation's function, as Octokit turns
 * its endpoint table into methods: the row says the method and path template, the positional
 * parameters (path, body or items, query) with their checks, and what the call resolves with;
 * this module checks the arguments in that order, fills in the path and makes the one request.
 * The row is data: nothing of the spec is ever evaluated as code.
 */
import { sendBulkInChunks } from "./bulk-request.js";
import { callData, callObject, callPages, callVoid, type ApiRequest } from "./call.js";
import type { Check } from "./checks.js";
import type { DixaCore } from "./core.js";
import { pathSegment } from "./http/request-url.js";
import type { CallOptions } from "./types.js";
import {
  assertConversationId,
  assertEach,
  assertInteger,
  assertListQuery,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  assertUuid,
} from "./validate.js";

/** What a call resolves with: the `{ data }`, the whole answer, nothing, pages, per-item outcomes. */
export type ResultKind = "data" | "body" | "void" | "pages" | "bulk";

/** Whether an argument may be left out, and what is sent then. */
export type Presence = "required" | "optional" | "empty";

interface PathParam {
  in: "path";
  name: string;
  check: Check;
  /** Checked as an integer, so sent as its digits. */
  numeric: boolean;
}
interface BodyParam {
  in: "body";
  name: string;
  check: Check | undefined;
  presence: Presence;
  /** What is sent for the checked value, when not the value itself. */
  encode: ((value: never) => unknown) | undefined;
}
interface QueryParam {
  in: "query";
  check: Check | undefined;
  presence: Presence;
}
interface ItemsParam {
  in: "items";
  name: string;
  check: Check | undefined;
  /** The body around one request's items: the list itself, or `{ data: list }`. */
  wrap: "list" | "data";
}
export type Param = PathParam | BodyParam | QueryParam | ItemsParam;

const pathChecks: Record<string, Check> = {
  int64: assertConversationId,
  uuid: assertUuid,
  integer: assertInteger,
  string: assertNonEmptyString,
};

/** A path parameter: a conversation id (`int64`), a UUID, an integer or any non-empty string. */
export function path(name: string, kind: "int64" | "uuid" | "integer" | "string"): Param {
  return {
    in: "path",
    name,
    check: pathChecks[kind]!,
    numeric: kind === "int64" || kind === "integer",
  };
}

/** The request body, checked by `check` (a FormData body is sent as multipart, unchecked). */
export function body(
  name: string,
  check?: Check,
  presence: Presence = "required",
  encode?: (value: never) => unknown,
): Param {
  return { in: "body", name, check, presence, encode };
}

/** The query, as one object. */
export function query(check?: Check, presence: Presence = "optional"): Param {
  return { in: "query", check, presence };
}

/** The items of a bulk call: sent in chunks, one outcome back per item. */
export function items(name: string, check: Check | undefined, wrap: "list" | "data"): Param {
  return { in: "items", name, check, wrap };
}

export interface OperationExtras {
  /** The most results per page Dixa documents for this list. */
  maxPageLimit?: number;
  /** A hand-written check of what the spec cannot say, given every argument but the options. */
  check?: (...args: never[]) => void;
}

/**
 * An operation's function before its declaration gives it its precise type (the row's generated
 * annotation, or the hand-written one): its arguments are checked at run time, by the row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationFunction = (core: DixaCore, ...args: any[]) => any;

/**
 * The function of one operation: `(core, ...arguments, options)`. A paged list checks its
 * arguments when called and returns a lazy Paginated; every other kind is async, so a bad
 * argument rejects (before anything is sent) instead of throwing.
 */
export function operation(
  route: string,
  result: ResultKind,
  params: readonly Param[],
  extras: OperationExtras = {},
): OperationFunction {
  const space = route.indexOf(" ");
  const method = route.slice(0, space);
  const pathTemplate = route.slice(space + 1);
  // The template between its placeholders; the path parameters fill the gaps in order.
  const pieces = pathTemplate.split(/\{[^}]*\}/);
  const build = (args: readonly unknown[]) => {
    const given = args.slice(0, params.length);
    let path = pieces[0]!;
    let query: Record<string, unknown> | undefined;
    let body: unknown;
    let list: { param: ItemsParam; items: readonly unknown[] } | undefined;
    let filled = 0;
    const ordered = [...params.keys()].sort((a, b) => rank(params[a]!) - rank(params[b]!));
    for (const index of ordered) {
      const param = params[index]!;
      const value = given[index];
      if (param.in === "path") {
        param.check(value, param.name);
        // Checked above; numbers go as digits, text percent-encoded (and never `.` or `..`).
        const segment = param.numeric ? String(value) : pathSegment(value, param.name);
        path += segment + pieces[++filled]!;
      } else if (param.in === "query") {
        const q = value === undefined && param.presence !== "required" ? {} : value;
        if (result === "pages") assertListQuery(q, extras.maxPageLimit);
        else assertObject(q, "query");
        param.check?.(q, "query");
        given[index] = q;
        query = q;
      } else if (param.in === "body") {
        const b = value === undefined && param.presence === "empty" ? {} : value;
        if (b !== undefined || param.presence === "required") param.check?.(b, param.name);
        given[index] = b;
        body = b === undefined || param.encode === undefined ? b : param.encode(b as never);
      } else {
        assertNonEmptyArray(value, param.name);
        if (param.check !== undefined) assertEach(value, param.name, param.check);
        list = { param, items: value };
      }
    }
    extras.check?.(...(given as never[]));
    const options = args[params.length] as CallOptions | undefined;
    const request: ApiRequest = { method, pathTemplate, path, query, body, options };
    return { request, list };
  };
  switch (result) {
    case "pages":
      return (core, ...args) => callPages(core, build(args).request, extras.maxPageLimit);
    case "bulk":
      return async (core, ...args) => {
        const { request, list } = build(args);
        const wrap = list!.param.wrap === "data" ? wrapInData : asList;
        return sendBulkInChunks(core, { ...request, body: wrap }, list!.items, request.options);
      };
    default: {
      const call = { data: callData, body: callObject, void: callVoid }[result];
      return async (core, ...args) => call(core, build(args).request);
    }
  }
}

/** Arguments are checked path first, then query, then body: the order of the old functions. */
function rank(param: Param): number {
  return { path: 0, query: 1, body: 2, items: 2 }[param.in];
}

function wrapInData(items: readonly unknown[]): unknown {
  return { data: items };
}

function asList(items: readonly unknown[]): unknown {
  return items;
}

/** One operation of the spec as the facade performs it. */
export interface FacadeOperationOf<Call extends string> {
  /** The facade method that performs the operation. */
  call: Call;
  /** The operation's page in Dixa's API reference. */
  docUrl: string;
  /** The name is a default (the operation is new in the spec): it may change. */
  defaultName?: true;
}

/** A table row: facade call, HTTP method, path template, reference section, default name. */
type OperationEntry = readonly [
  call: string,
  method: string,
  path: string,
  section: string,
  defaultName?: true,
];

const referenceBase = "https://docs.dixa.io/openapi/dixa-api/beta";

/** Per operationId, the facade call and the reference page, from the generated table. */
export function facadeOperationsOf(
  table: Readonly<Record<string, OperationEntry>>,
): Record<string, FacadeOperationOf<string>> {
  const out: Record<string, FacadeOperationOf<string>> = {};
  for (const [id, [call, , , section, defaultName]] of Object.entries(table)) {
    const docUrl = `${referenceBase}/${section}/${id.toLowerCase()}`;
    out[id] = defaultName ? { call, docUrl, defaultName } : { call, docUrl };
  }
  return out;
}
