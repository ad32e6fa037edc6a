/**
 * The page keys a listing has been handed, for telling a server that loops: kept as 53-bit
 * digests with the key's length, never as the keys (Dixa's are opaque and can be long), and
 * only the most recent {@link remembered}, so memory stays small whatever the keys and however
 * many pages. Two different keys of the same length share a digest with a chance of about one
 * in 2^53 per pair: a false "repeated" is not a practical concern.
 */
export class SeenPageKeys {
  /** A loop longer than this many pages goes unnoticed; each entry costs a few dozen bytes. */
  static readonly remembered = 10_000;
  private readonly digests = new Set<string>();

  /** Records a key; false when it was seen before. */
  add(key: string): boolean {
    const digest = `${key.length}:${hash53(key)}`;
    if (this.digests.has(digest)) return false;
    this.digests.add(digest);
    if (this.digests.size > SeenPageKeys.remembered) {
      // A Set iterates in insertion order: forget the oldest.
      this.digests.delete(this.digests.values().next().value!);
    }
    return true;
  }
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; nothing here is secret). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
