/**
 * Reads a request body as text, holding at most `limit` bytes. Past the limit it stops reading
 * and leaves the rest unread (the HTTP sandbox then answers 413 and Node discards the rest; a
 * cancel would destroy the socket before the answer is sent).
 *
 * The bytes go into one buffer that grows by doubling, so a body trickled in tiny chunks costs
 * its size, not an object per chunk.
 */
export async function readTextWithin(
  request: Request,
  limit: number,
): Promise<{ text: string } | { tooLarge: true }> {
  const body = request.body;
  if (body === null) return { text: "" };
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return { tooLarge: true };
  const reader = body.getReader();
  let buffer = new Uint8Array(Math.min(limit, Number.isFinite(declared) ? declared : 16 * 1024));
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const needed = length + value.byteLength;
    if (needed > limit) {
      reader.releaseLock();
      return { tooLarge: true };
    }
    if (needed > buffer.byteLength) {
      const grown = new Uint8Array(Math.min(limit, Math.max(needed, buffer.byteLength * 2)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length = needed;
  }
  return { text: new TextDecoder().decode(buffer.subarray(0, length)) };
}
