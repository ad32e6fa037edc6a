/**
 * The tour of the client: bulk-create internal notes and report each one's fate, iterate a
 * paged list, and make one typed raw call for an endpoint through `client.raw`.
 * Run it with `npm run demo` (against a local Prism mock, no token needed) or with
 * DIXA_API_KEY set (against the real API; see scripts/demo.ts).
 */
import { isDixaError, type DixaClient } from "../src/index.js";

export interface DemoOptions {
  /** Conversation to add the notes to; undefined skips the part that writes. */
  conversationId: number | undefined;
  log?: (line: string) => void;
}

export async function runDemo(client: DixaClient, options: DemoOptions): Promise<void> {
  const log = options.log ?? console.log;

  if (options.conversationId === undefined) {
    log("1. Bulk notes: skipped (set DIXA_DEMO_CONVERSATION_ID to let the demo write notes)");
  } else {
    log(`1. Adding two internal notes to conversation ${options.conversationId} in one request`);
    const { successes, failures } = await client.notes.createMany(options.conversationId, [
      { message: "Customer called back; issue resolved." },
      { message: "Follow up next week about the refund." },
    ]);
    for (const s of successes)
      log(`   ✓ note #${s.index} "${s.input.message}" created as ${s.data.id}`);
    for (const f of failures) {
      // A per-note rejection from Dixa, or (if the whole request failed) the DixaError for it.
      const where = isDixaError(f.error) ? "request failed" : "rejected by Dixa";
      log(`   ✗ note #${f.index} "${f.input.message}" ${where}: ${f.error.message}`);
    }
  }

  log("2. Agents, fetched page by page as the loop consumes them");
  let count = 0;
  for await (const agent of client.agents.list({ pageLimit: 50 })) {
    if (count < 3) log(`   - ${agent.displayName} <${agent.email}>`);
    count++;
  }
  log(`   ${count} agent(s) in all`);

  log("3. A raw typed call the facade also covers: GET /beta/organization");
  const { data, error, response } = await client.raw.GET("/beta/organization");
  if (error !== undefined) throw new Error(`GET /beta/organization answered ${response.status}`);
  log(`   organization ${data.data.name} (${data.data.id})`);
}
