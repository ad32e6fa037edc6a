/**
 * Reading a delivery's raw body from what a framework hands over, with a size cap: a Web
 * `Request` (Next.js route handlers, Hono's `c.req.raw`, Workers, Deno, Bun) or a Node.js
 * `IncomingMessage` (plain `node:http`, Express, Fastify's `request.raw`, Koa's `ctx.req`). Both
 * are typed structurally, so this file imports nothing from Node and the entry stays portable.
 * Memory is bounded by the cap whatever the chunking (see shared/capped-reader.ts).
 */
import { CappedBytes, readCapped } from "../shared/capped-reader.js";
import {
  constructDixaEvent,
  type DixaConstructEventOptions,
  type DixaStrictConstructEventOptions,
} from "./construct-event.js";
import { DixaWebhookPayloadError } from "./errors.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./events.js";
import { parsedBodyError, rawBodyBytes, webhookSecret } from "./verify.js";

// --- The cap ----------------------------------------------------------------------------------

/**
 * 4 MiB. Dixa's deliveries are a few KB (one real one: 2,107 bytes), but a message event carries
 * the message's full text, and a long e-mail thread can pass 1 MiB. The body is read before its
 * signature can be checked, so the cap is what one unauthenticated request can make a receiver
 * hold.
 */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface DixaWebhookBodyOptions {
  /** Largest body read, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}, 4 MiB). */
  maxBodyBytes?: number;
}

export function resolveMaxBodyBytes(options: DixaWebhookBodyOptions | undefined): number {
  const limit = options?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(`options.maxBodyBytes must be a positive integer, got ${String(limit)}`);
  }
  return limit;
}

function tooLarge(limit: number, seen: string): DixaWebhookPayloadError {
  return new DixaWebhookPayloadError(
    "too-large",
    `the body is larger than maxBodyBytes (${limit} bytes; ${seen}); it was not read further`,
  );
}

/** A Content-Length header's value when it is a plain number; refused up front when over the cap. */
function declaredLength(contentLength: string | null | undefined, limit: number) {
  if (contentLength === undefined || contentLength === null) return undefined;
  const declared = Number(contentLength.trim());
  if (!Number.isSafeInteger(declared) || declared < 0) return undefined;
  if (declared > limit) throw tooLarge(limit, `Content-Length says ${declared}`);
  return declared;
}

// --- Web Request ------------------------------------------------------------------------------

/** What the adapter uses of a `Request`. */
export interface DixaWebhookRequestLike {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  readonly bodyUsed: boolean;
}

export async function readRequestBody(
  request: DixaWebhookRequestLike,
  limit: number,
): Promise<Uint8Array> {
  if (
    typeof request !== "object" ||
    request === null ||
    typeof request.headers?.get !== "function"
  ) {
    throw new TypeError("request must be a Fetch API Request");
  }
  if (request.bodyUsed) {
    throw new TypeError(
      "request's body has already been read (e.g. by request.json()); the signature needs the raw bytes, so pass the request unread",
    );
  }
  const expected = declaredLength(request.headers.get("content-length"), limit);
  if (request.body === null) return new Uint8Array(0);
  return readCapped(
    request.body,
    limit,
    () => tooLarge(limit, `more than ${limit} bytes arrived`),
    expected,
  );
}

/**
 * Reads a Fetch API `Request` (up to `maxBodyBytes`), verifies it and returns its event. For
 * many deliveries with one secret, `createDixaWebhookReceiver(...).fromRequest` imports the key
 * once, and its `fetchHandler` also de-duplicates and answers.
 */
export function constructDixaEventFromRequest(
  request: DixaWebhookRequestLike,
  secret: string,
  options: DixaStrictConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaKnownWebhookEvent>;
export function constructDixaEventFromRequest(
  request: DixaWebhookRequestLike,
  secret: string,
  options?: DixaConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaWebhookEvent>;
export async function constructDixaEventFromRequest(
  request: DixaWebhookRequestLike,
  secret: string,
  options?: DixaConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaWebhookEvent> {
  webhookSecret(secret);
  const receivedAt = options?.receivedAt ?? Date.now();
  const body = await readRequestBody(request, resolveMaxBodyBytes(options));
  return constructDixaEvent(body, request.headers, secret, { ...options, receivedAt });
}

// --- Node.js IncomingMessage ------------------------------------------------------------------

/** What the adapter uses of an `IncomingMessage` (and of Express's request). */
export interface DixaWebhookNodeRequestLike {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Set by body-parsing middleware (Express, Koa, Fastify...). */
  readonly body?: unknown;
  readonly readableEnded?: boolean;
  on(event: "data" | "end" | "error" | "close", listener: (...args: any[]) => void): unknown;
  removeListener(
    event: "data" | "end" | "error" | "close",
    listener: (...args: any[]) => void,
  ): unknown;
  pause(): unknown;
  /** Called after the listeners are in place: a request someone paused would never flow. */
  resume?(): unknown;
}

/**
 * Reads the raw body itself, stopping as soon as it passes the cap, or takes the body a raw-body
 * middleware already read (Express's `express.raw()` puts a Buffer in `req.body`). A body parsed
 * as JSON is refused: its signed bytes are gone.
 */
export async function readNodeRequestBody(
  request: DixaWebhookNodeRequestLike,
  limit: number,
): Promise<Uint8Array> {
  if (
    typeof request !== "object" ||
    request === null ||
    typeof request.on !== "function" ||
    typeof request.headers !== "object"
  ) {
    throw new TypeError("request must be a Node.js http.IncomingMessage");
  }
  const parsed = request.body;
  if (parsed instanceof Uint8Array || parsed instanceof ArrayBuffer || typeof parsed === "string") {
    // A raw-body middleware (express.raw(), or text()) already read it.
    const body = rawBodyBytes(parsed, "request.body");
    if (body.length > limit) throw tooLarge(limit, `the body already read is ${body.length}`);
    return body;
  }
  if (request.readableEnded) {
    if (typeof parsed === "object" && parsed !== null) throw parsedBodyError("request.body");
    throw new TypeError(
      "request's body has already been read by something else and is not in request.body; the signature needs the raw bytes",
    );
  }
  // Not read yet (Express 4 leaves an empty {} in req.body when no parser matched): read it.
  const length = request.headers["content-length"];
  const expected = declaredLength(typeof length === "string" ? length : undefined, limit);
  const collected = new CappedBytes(limit, expected);
  return new Promise((resolve, reject) => {
    const finish = (error: unknown) => {
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("error", onError);
      request.removeListener("close", onClose);
      if (error === undefined) resolve(collected.bytes());
      else reject(error);
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      if (!collected.push(bytes)) {
        // Stop reading from the socket; the caller answers 413 (best with Connection: close).
        request.pause();
        finish(tooLarge(limit, `more than ${limit} bytes arrived`));
      }
    };
    const onEnd = () => finish(undefined);
    const onError = (error: Error) => finish(error);
    const onClose = () => finish(new Error("the connection closed before the whole body arrived"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("close", onClose);
    request.resume?.();
  });
}

const encoder = new TextEncoder();

/**
 * Reads a Node.js request (up to `maxBodyBytes`, or the raw body a middleware left in
 * `request.body`), verifies it and returns its event. For many deliveries with one secret,
 * `createDixaWebhookReceiver(...).fromNodeRequest` imports the key once, and its `nodeHandler`
 * also de-duplicates and answers.
 */
export function constructDixaEventFromNodeRequest(
  request: DixaWebhookNodeRequestLike,
  secret: string,
  options: DixaStrictConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaKnownWebhookEvent>;
export function constructDixaEventFromNodeRequest(
  request: DixaWebhookNodeRequestLike,
  secret: string,
  options?: DixaConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaWebhookEvent>;
export async function constructDixaEventFromNodeRequest(
  request: DixaWebhookNodeRequestLike,
  secret: string,
  options?: DixaConstructEventOptions & DixaWebhookBodyOptions,
): Promise<DixaWebhookEvent> {
  webhookSecret(secret);
  const receivedAt = options?.receivedAt ?? Date.now();
  const body = await readNodeRequestBody(request, resolveMaxBodyBytes(options));
  return constructDixaEvent(body, request.headers, secret, { ...options, receivedAt });
}
