import { readCapped } from "../shared/capped-reader.js";

/**
 * Reads a whole answer body, refusing to hold more than `limit` bytes: a server that never stops
 * sending (or a small compressed body that inflates) must not grow the process without bound.
 * On the way past the limit it calls `tooLarge`, which closes the connection, and throws what it
 * returns.
 */
export async function readBodyWithin(
  response: Response,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  const declared = encoded ? NaN : Number(response.headers.get("content-length") ?? NaN);
  if (declared > limit) {
    const error = tooLarge();
    await body.cancel().catch(() => undefined);
    throw error;
  }
  // A declared, uncompressed length is enforced by fetch itself: read it in one go.
  if (Number.isFinite(declared)) return new Uint8Array(await response.arrayBuffer());
  return readCapped(body, limit, tooLarge);
}
