/**
 * Run as its own process (with --expose-gc) by page-key-memory.test.ts, so the heap measured is
 * this listing's alone: 100 pages whose opaque pageKeys are 1 MB each, read through the client.
 * Prints the growth of resident memory over pages 5 to 100, after a full collection at each
 * end, in MB.
 */
import { createDixaClient } from "../../src/index.js";

const pages = 100;
const keyLength = 1024 * 1024;
/** A distinct 1 MB key per page; made afresh for each answer, so only the client could keep it. */
const keyFor = (page: number) => `${page}-`.padEnd(keyLength, "k");

const client = createDixaClient({
  apiKey: "page-key-memory-token",
  rateLimit: false,
  fetch: async (request) => {
    const key = new URL(request.url).searchParams.get("pageKey");
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

// The process's resident memory, not V8's heap alone: a key read out of a URL by Node's URL
// parser can live outside the JavaScript heap, where heapUsed does not see it.
const gc = (globalThis as { gc?: () => void }).gc!;
const residentMb = () => {
  gc();
  return process.memoryUsage().rss / (1024 * 1024);
};
let baseline = 0;
let count = 0;
for await (const _agent of client.agents.list()) {
  if (++count === 5) baseline = residentMb();
}
console.log(JSON.stringify({ pages: count, growthMb: Math.round(residentMb() - baseline) }));
