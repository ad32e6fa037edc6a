/**
 * Performs one row of the operation table, as Octokit turns its endpoint table into methods: the
 * row says the method and path template, the positional parameters (path, body or items, query)
 * with their checks, and what the call resolves with; this module checks the arguments in that
 * order, fills in the path and makes the one request. The row is data: nothing of the spec is
 * ever evaluated as code.
 */
import { sendBulkInChunks } from "./bulk-request.js";
import { callData, callObject, callPages, callVoid, type ApiRequest } from "./call.js";
import type { Check } from "./checks.js";
import type { DixaCore } from "./core.js";
import { pathSegment } from "./http/request-url.js";
import type { CallOptions } from "./types.js";
import { assertEach, assertListQuery, assertNonEmptyArray, assertObject } from "./validate.js";

/** Whether an argument may be left out, and what is sent then. */
export type Presence = "required" | "optional" | "empty";

interface PathParam {
  in: "path";
  name: string;
  check: Check;
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

/**
 * A path parameter, checked by `check` (a conversation id, a UUID, an integer, any non-empty
 * string): a number is sent as its digits, text percent-encoded (and never `.` or `..`).
 */
export function path(name: string, check: Check): Param {
  return { in: "path", name, check };
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
 * Performs one operation of the table: `perform(core, args, "POST /beta/...", asData, () =>
 * [path(...), body(...)])` checks the arguments in the row's order and makes the one request. A
 * paged list checks its arguments when called and returns a lazy Paginated; every other kind
 * answers a promise, so a bad argument rejects (before anything is sent) instead of throwing.
 * The row is worked out on its first call and kept, by route: a module of rows written as
 * functions that call this loads as fast as any module of functions. What the call resolves
 * with is a function (asData, asDataObject, asDataList, asBody, asVoid, asPages, asBulk), so a bundle holds only the kinds
 * its operations use: an app that creates one note ships no paging or bulk code.
 */
export function perform(
  core: DixaCore,
  args: readonly unknown[],
  route: string,
  result: Result,
  params: () => readonly Param[],
  extras?: OperationExtras,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): any {
  let row = rows.get(route);
  if (row === undefined) {
    row = { route, result, params, extras: extras ?? {}, parsed: undefined };
    rows.set(route, row);
  }
  return result(core, row, args);
}

const rows = new Map<string, Row>();

/** What a call resolves with: one of the functions below. */
export type Result = (core: DixaCore, row: Row, args: readonly unknown[]) => unknown;

/** Resolves with the answer's `data`, whatever the spec does not say it is. */
export async function asData(core: DixaCore, row: Row, args: readonly unknown[]): Promise<unknown> {
  return callData(core, prepare(row, args).request);
}

/** Resolves with the answer's `data`, which must be an object (an answer of another shape is refused). */
export async function asDataObject(
  core: DixaCore,
  row: Row,
  args: readonly unknown[],
): Promise<unknown> {
  return callData(core, prepare(row, args).request, "object");
}

/** Resolves with the answer's `data`, which must be a list. */
export async function asDataList(
  core: DixaCore,
  row: Row,
  args: readonly unknown[],
): Promise<unknown> {
  return callData(core, prepare(row, args).request, "list");
}

/** Resolves with the whole answer. */
export async function asBody(core: DixaCore, row: Row, args: readonly unknown[]): Promise<unknown> {
  return callObject(core, prepare(row, args).request);
}

/** Resolves with nothing. */
export async function asVoid(core: DixaCore, row: Row, args: readonly unknown[]): Promise<void> {
  return callVoid(core, prepare(row, args).request);
}

/** A lazy Paginated: the arguments are checked now, the first page is asked for on iteration. */
export function asPages(core: DixaCore, row: Row, args: readonly unknown[]): unknown {
  const max = row.extras.maxPageLimit;
  const checkQuery = (query: unknown) => assertListQuery(query, max);
  return callPages(core, prepare(row, args, checkQuery).request, max);
}

/** Sends the items in chunks and resolves with one outcome per item. */
export async function asBulk(core: DixaCore, row: Row, args: readonly unknown[]): Promise<unknown> {
  const { request, list } = prepare(row, args, checkObject, checkItems);
  const wrap = list!.param.wrap === "data" ? wrapInData : listBody;
  return sendBulkInChunks(core, { ...request, body: wrap }, list!.items, request.options);
}

export interface Row {
  route: string;
  result: Result;
  /** A function that makes the parameters: called on the first call only. */
  params: () => readonly Param[];
  extras: OperationExtras;
  /** The route taken apart, the parameters, and the order they are checked in: on first use. */
  parsed: Parsed | undefined;
}

interface Parsed {
  method: string;
  pathTemplate: string;
  /** The template between its placeholders: the path parameters fill the gaps in order. */
  pieces: string[];
  params: readonly Param[];
  order: number[];
}

function parse(row: Row): Parsed {
  const params = row.params();
  const space = row.route.indexOf(" ");
  const pathTemplate = row.route.slice(space + 1);
  return {
    method: row.route.slice(0, space),
    pathTemplate,
    pieces: pathTemplate.split(/\{[^}]*\}/),
    params,
    order: [...params.keys()].sort((a, b) => rank(params[a]!) - rank(params[b]!)),
  };
}

/** Checks the arguments in the row's order and builds the one request they make. */
function prepare(
  row: Row,
  args: readonly unknown[],
  checkQuery: (query: unknown) => void = checkObject,
  checkItems?: (value: unknown, param: ItemsParam) => void,
) {
  const { extras } = row;
  const { method, pathTemplate, pieces, params, order } = (row.parsed ??= parse(row));
  const given = args.slice(0, params.length);
  let path = pieces[0]!;
  let query: Record<string, unknown> | undefined;
  let body: unknown;
  let list: { param: ItemsParam; items: readonly unknown[] } | undefined;
  let filled = 0;
  for (const index of order) {
    const param = params[index]!;
    const value = given[index];
    if (param.in === "path") {
      param.check(value, param.name);
      // Checked above; numbers go as digits, text percent-encoded (and never `.` or `..`).
      const segment = typeof value === "number" ? String(value) : pathSegment(value, param.name);
      path += segment + pieces[++filled]!;
    } else if (param.in === "query") {
      const q = value === undefined && param.presence !== "required" ? {} : value;
      checkQuery(q);
      param.check?.(q, "query");
      given[index] = q;
      query = q as Record<string, unknown>;
    } else if (param.in === "body") {
      const b = value === undefined && param.presence === "empty" ? {} : value;
      if (b !== undefined || param.presence === "required") param.check?.(b, param.name);
      given[index] = b;
      body = b === undefined || param.encode === undefined ? b : param.encode(b as never);
    } else {
      checkItems!(value, param);
      list = { param, items: value as readonly unknown[] };
    }
  }
  extras.check?.(...(given as never[]));
  const options = args[params.length] as CallOptions | undefined;
  const request: ApiRequest = { method, pathTemplate, path, query, body, options };
  return { request, list };
}

function checkObject(query: unknown): void {
  assertObject(query, "query");
}

/** A bulk call's items: a non-empty list, each item checked. */
function checkItems(value: unknown, param: ItemsParam): void {
  assertNonEmptyArray(value, param.name);
  if (param.check !== undefined) assertEach(value, param.name, param.check);
}

/** Arguments are checked path first, then query, then body: the order of the old functions. */
function rank(param: Param): number {
  return { path: 0, query: 1, body: 2, items: 2 }[param.in];
}

function wrapInData(items: readonly unknown[]): unknown {
  return { data: items };
}

function listBody(items: readonly unknown[]): unknown {
  return items;
}
