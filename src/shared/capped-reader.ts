/**
 * Reading a body of unknown length without letting it grow the process past a cap. Shared by the
 * API client (answers) and dixa-beta/webhooks (deliveries, read before their signature can be
 * checked), so it imports nothing.
 *
 * The bytes go into one buffer that doubles up to the cap; no chunk is kept. Keeping the chunks
 * and joining them at the end costs an object per chunk whatever its size: a body sent one byte
 * at a time then holds a million small buffers, hundreds of megabytes for a 1 MiB body.
 */

/** Where a buffer starts when the length is not declared: a typical delivery fits. */
const initialCapacity = 16 * 1024;

/** Bytes collected up to `limit`; memory held is at most `limit` (plus one chunk in flight). */
export class CappedBytes {
  #length = 0;
  /** The first chunk, kept as it came while it is the only one (the common one-chunk body). */
  #only: Uint8Array | undefined;
  #buffer: Uint8Array<ArrayBuffer> | undefined;

  /** @param expected a declared length (e.g. Content-Length) to size the buffer for; a hint only */
  constructor(
    readonly limit: number,
    private readonly expected?: number,
  ) {}

  get length(): number {
    return this.#length;
  }

  /** Adds a chunk; false, adding nothing, when it would take the total past the limit. */
  push(chunk: Uint8Array): boolean {
    const length = this.#length + chunk.byteLength;
    if (length > this.limit) return false;
    if (chunk.byteLength === 0) return true;
    if (this.#length === 0) {
      this.#only = chunk;
    } else {
      const buffer = this.#room(length);
      if (this.#only !== undefined) {
        buffer.set(this.#only);
        this.#only = undefined;
      }
      buffer.set(chunk, this.#length);
    }
    this.#length = length;
    return true;
  }

  /** Everything pushed, as one array (a view of the buffer: no final copy). */
  bytes(): Uint8Array {
    if (this.#only !== undefined) return this.#only;
    if (this.#buffer === undefined) return new Uint8Array(0);
    return this.#buffer.subarray(0, this.#length);
  }

  /** A buffer of at least `needed` bytes holding what was collected so far. */
  #room(needed: number): Uint8Array<ArrayBuffer> {
    const current = this.#buffer;
    if (current !== undefined && current.byteLength >= needed) return current;
    const hint = this.expected !== undefined && this.expected >= needed ? this.expected : 0;
    const grown = Math.max(needed, hint, (current?.byteLength ?? initialCapacity / 2) * 2);
    const buffer = new Uint8Array(Math.min(this.limit, grown));
    if (current !== undefined) buffer.set(current.subarray(0, this.#length));
    this.#buffer = buffer;
    return buffer;
  }
}

/**
 * Reads a stream to its end, up to `limit` bytes. Past the limit it calls `tooLarge` (which may
 * close the connection), cancels the stream so the sender stops, and throws what `tooLarge`
 * returned.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooLarge: () => Error,
  expected?: number,
): Promise<Uint8Array> {
  const collected = new CappedBytes(limit, expected);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return collected.bytes();
    if (!collected.push(value)) {
      const error = tooLarge();
      await reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}
