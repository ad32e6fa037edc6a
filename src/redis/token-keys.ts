/** The Redis keys that hold one token's shared record. */
export interface TokenKeys {
  sent: string;
  /** The waiting callers, by lane (`scripts.ts`). */
  lanes: string;
  leases: string;
  epoch: string;
  /** Per lane, the turns other lanes took while it waited. */
  turns: string;
}

/**
 * The keys of a token's record, named by a SHA-256 hash of the token (Web Crypto, so no Node.js
 * module is needed): the token itself is never sent to Redis. The hash sits in a `{...}` hash
 * tag, so all keys of one token fall in one Redis Cluster slot, as a script needs.
 */
export async function tokenKeys(apiKey: string, prefix: string): Promise<TokenKeys> {
  const bytes = new TextEncoder().encode(`dixa-beta rate limit\n${apiKey}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const base = `${prefix}{${hash}}`;
  return {
    sent: `${base}:sent`,
    lanes: `${base}:lanes`,
    leases: `${base}:leases`,
    epoch: `${base}:epoch`,
    turns: `${base}:turns`,
  };
}
