/**
 * The capped reader shared by the client and dixa-beta/webhooks: the bytes come out as they went
 * in whatever the chunking, nothing past the cap is kept, and what it holds is one buffer (at
 * most the cap), never the chunks.
 */
import { describe, expect, it } from "vitest";
import { CappedBytes, readCapped } from "../../src/shared/capped-reader.js";

const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 251);

function chunked(size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
  return chunks;
}

describe("CappedBytes", () => {
  it.each([1, 3, 1000, 16 * 1024, 100_000])("joins %i-byte chunks exactly", (size) => {
    const collected = new CappedBytes(bytes.length);
    for (const chunk of chunked(size)) expect(collected.push(chunk)).toBe(true);
    expect(collected.bytes()).toEqual(bytes);
    expect(collected.length).toBe(bytes.length);
    // One buffer, never larger than the cap, whatever the number of chunks.
    expect(collected.bytes().buffer.byteLength).toBeLessThanOrEqual(bytes.length);
  });

  it("a single chunk comes back as it is (no copy); nothing gives an empty array", () => {
    const only = new CappedBytes(10);
    const chunk = Uint8Array.of(1, 2, 3);
    only.push(chunk);
    expect(only.bytes()).toBe(chunk);
    expect(new CappedBytes(10).bytes()).toEqual(new Uint8Array(0));
  });

  it("refuses a chunk that would pass the cap, keeping what came before", () => {
    const collected = new CappedBytes(5);
    expect(collected.push(Uint8Array.of(1, 2, 3))).toBe(true);
    expect(collected.push(Uint8Array.of(4, 5, 6))).toBe(false);
    expect(collected.bytes()).toEqual(Uint8Array.of(1, 2, 3));
    expect(collected.push(Uint8Array.of(4, 5))).toBe(true);
    expect(collected.bytes()).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
  });

  it("sizes its buffer for a declared length, but never past the cap", () => {
    const declared = new CappedBytes(1_000_000, 50_000);
    declared.push(new Uint8Array(10));
    declared.push(new Uint8Array(10));
    expect(declared.bytes().buffer.byteLength).toBe(50_000);
    const lying = new CappedBytes(1000, 1_000_000_000);
    lying.push(new Uint8Array(10));
    lying.push(new Uint8Array(10));
    expect(lying.bytes().buffer.byteLength).toBe(1000);
  });
});

describe("readCapped", () => {
  const stream = (chunks: Uint8Array[], onCancel = () => {}) =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
      cancel: onCancel,
    });

  it("reads a stream to its end", async () => {
    await expect(readCapped(stream(chunked(7)), bytes.length, () => new Error())).resolves.toEqual(
      bytes,
    );
  });

  it("past the cap: calls tooLarge, cancels the stream, throws its error", async () => {
    let cancelled = false;
    const error = new Error("too large");
    await expect(
      readCapped(
        stream(chunked(1000), () => void (cancelled = true)),
        5000,
        () => error,
      ),
    ).rejects.toBe(error);
    expect(cancelled).toBe(true);
  });
});
