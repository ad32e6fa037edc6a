/** How large a delivery body may be before reading stops. */
import { DixaWebhookPayloadError } from "./errors.js";

/**
 * 1 MiB. Dixa's deliveries are a few KB (one real one: 2,107 bytes), but a message event carries
 * the message's full text, and a long e-mail thread can reach hundreds of KB.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface DixaWebhookBodyOptions {
  /** Largest body read, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}, 1 MiB). */
  maxBodyBytes?: number;
}

export function resolveMaxBodyBytes(options: DixaWebhookBodyOptions | undefined): number {
  const limit = options?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(`options.maxBodyBytes must be a positive integer, got ${String(limit)}`);
  }
  return limit;
}

export function tooLarge(limit: number, seen: string): DixaWebhookPayloadError {
  return new DixaWebhookPayloadError(
    "too-large",
    `the body is larger than maxBodyBytes (${limit} bytes; ${seen}); it was not read further`,
  );
}

/** Refuses up front when a Content-Length header already says the body is too large. */
export function checkDeclaredLength(contentLength: string | undefined, limit: number): void {
  if (contentLength === undefined) return;
  const declared = Number(contentLength.trim());
  if (Number.isFinite(declared) && declared > limit) {
    throw tooLarge(limit, `Content-Length says ${declared}`);
  }
}

/** Joins chunks that were already counted. */
export function concatChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
