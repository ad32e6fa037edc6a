/**
 * The Node.js `IncomingMessage` adapter: plain `node:http`, Express, Fastify's `request.raw`,
 * Koa's `ctx.req`. Typed structurally, so this file imports nothing from Node and the entry
 * stays portable. It reads the raw body itself, stopping as soon as it passes `maxBodyBytes`,
 * or takes the body a raw-body middleware already read (Express's `express.raw()` puts a Buffer
 * in `req.body`). A body parsed as JSON is refused: its signed bytes are gone.
 */
import {
  checkDeclaredLength,
  concatChunks,
  resolveMaxBodyBytes,
  tooLarge,
  type DixaWebhookBodyOptions,
} from "./body-limit.js";
import {
  constructDixaEvent,
  type DixaConstructEventOptions,
  type DixaStrictConstructEventOptions,
} from "./construct-event.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./event-types.js";
import { assertWebhookSecret } from "./secret-key.js";
import { parsedBodyError, rawBodyBytes } from "./raw-body.js";

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
  checkDeclaredLength(typeof length === "string" ? length : undefined, limit);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const finish = (error: unknown, body?: Uint8Array) => {
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("error", onError);
      request.removeListener("close", onClose);
      if (error === undefined) resolve(body!);
      else reject(error);
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > limit) {
        // Stop reading from the socket; the caller answers 413 (best with Connection: close).
        request.pause();
        finish(tooLarge(limit, `more than ${limit} bytes arrived`));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => finish(undefined, concatChunks(chunks, total));
    const onError = (error: Error) => finish(error);
    const onClose = () => finish(new Error("the connection closed before the whole body arrived"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("close", onClose);
    request.resume?.();
  });
}

/**
 * Reads a Node.js request (up to `maxBodyBytes`, or the raw body a middleware left in
 * `request.body`), verifies it and returns its event. For many deliveries with one secret,
 * `createDixaWebhookReceiver(...).fromNodeRequest` imports the key once.
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
  assertWebhookSecret(secret);
  const receivedAt = options?.receivedAt ?? Date.now();
  const body = await readNodeRequestBody(request, resolveMaxBodyBytes(options));
  return constructDixaEvent(body, request.headers, secret, { ...options, receivedAt });
}
