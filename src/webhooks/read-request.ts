/**
 * The Web `Request` adapter: Next.js route handlers, Hono (`c.req.raw`), Cloudflare Workers,
 * Deno, Bun, and anything else built on the Fetch API. It reads the raw body itself, stopping
 * as soon as it passes `maxBodyBytes`.
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
  checkDeclaredLength(request.headers.get("content-length") ?? undefined, limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop the sender rather than read (or buffer) the rest.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, `more than ${limit} bytes arrived`);
    }
    chunks.push(value);
  }
  return concatChunks(chunks, total);
}

/**
 * Reads a Fetch API `Request` (up to `maxBodyBytes`), verifies it and returns its event. For
 * many deliveries with one secret, `createDixaWebhookReceiver(...).fromRequest` imports the key
 * once.
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
  assertWebhookSecret(secret);
  const receivedAt = options?.receivedAt ?? Date.now();
  const body = await readRequestBody(request, resolveMaxBodyBytes(options));
  return constructDixaEvent(body, request.headers, secret, { ...options, receivedAt });
}
