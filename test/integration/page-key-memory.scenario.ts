/**
 * Run as its own process (with --expose-gc) by page-key-memory.test.ts, so the heap measured is
 * this listing's alone: 100 pages whose opaque pageKeys are 1 MB each, read through the client.
 * Prints the growth of what the process holds (V8's heap plus memory outside it that JavaScript
 * objects own) over pages 5 to 100, after a full collection at each end, in MB. With `keep` as
 * its argument it also holds every key itself, as the old loop detection did: the control that
 * shows the measure sees retained keys.
 */
import { createDixaClient } from "../../src/index.js";

const pages = 100;
const keyLength = 1024 * 1024;
/** A distinct 1 MB key per page; made afresh for each answer, so only the client could keep it. */
const keyFor = (page: number) => `${page}-`.padEnd(keyLength, "k");

const kept: string[] = [];
const keepKeys = process.argv.includes("keep");

const client = createDixaClient({
  apiKey: "page-key-memory-token",
  rateLimit: false,
  fetch: async (request) => {
    const key = new URL(request.url).searchParams.get("pageKey");
    if (keepKeys && key !== null) kept.push(key);
    const page = key === null ? 0 : Number(key.slice(0, key.indexOf("-")));
    const meta = page + 1 < pages ? { next: `/beta/agents?pageKey=${keyFor(page + 1)}` } : {};
    const body = new TextEncoder().encode(
      JSON.stringify({ data: [{ id: `agent-${page}`, displayName: "A" }], meta }),
    );
    // With its length declared, as a server sends it: the client reads it in one piece.
    return new Response(body, {
      headers: { "content-type": "application/json", "content-length": String(body.length) },
    });
  },
});

// Held memory, not resident memory: the allocator keeps freed pages resident as it likes (the
// process's RSS moved by -23 to +48 MB between runs of this same listing on a busy machine),
// while V8's heap plus external memory counts exactly what live objects hold.
const gc = (globalThis as { gc?: () => void }).gc!;
const heldMb = () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / (1024 * 1024);
};
let baseline = 0;
let count = 0;
for await (const _agent of client.agents.list()) {
  if (++count === 5) baseline = heldMb();
}
console.log(
  JSON.stringify({ pages: count, kept: kept.length, growthMb: Math.round(heldMb() - baseline) }),
);
