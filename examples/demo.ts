/**
 * The tour of the client: page through agents, bulk-create 25 internal notes in chunks and
 * report each one's fate, list them back, send 40 calls through the client's rate limiter
 * beside the same 40 without it, ride out a server error, make one typed raw call, and handle
 * one typed error.
 * Run it with `npm run demo` (against the Dixa sandbox, no token needed) or with DIXA_API_KEY
 * set (against the real API; see scripts/demo.ts).
 */
import { DixaError, isDixaError, type DixaClient, type EventHook } from "../src/index.js"; // in your code: "dixa-beta"
import type { ExampleContext } from "./lib/example-client.js";

export interface DemoOptions extends Pick<
  ExampleContext,
  "client" | "createClient" | "sandboxUrl"
> {
  /** Conversation to add the notes to; undefined skips the part that writes. */
  conversationId: number | undefined;
  log?: (line: string) => void;
}

/** An agent id no organization has: the notes signed with it are refused, per note. */
const unknownAgentId = "00000000-0000-4000-8000-00000000dead";

export async function runDemo(options: DemoOptions): Promise<void> {
  const { client, createClient, sandboxUrl } = options;
  const log = options.log ?? console.log;

  log("1. Agents, two per page, fetched page by page as the loop consumes them");
  const agentIds: string[] = [];
  let pageNumber = 0;
  for await (const page of client.agents.list({ pageLimit: 2 }).pages()) {
    pageNumber++;
    const names = page.items.map((agent) => agent.displayName).join(", ");
    log(`   page ${pageNumber}: ${names}${page.next ? "   (meta.next names the next page)" : ""}`);
    agentIds.push(...page.items.map((agent) => agent.id));
    if (pageNumber === 3) break; // enough for a tour, also against a large organization
  }

  const { conversationId } = options;
  if (conversationId === undefined) {
    log("2. Bulk notes: skipped (set DIXA_DEMO_CONVERSATION_ID to let the demo write notes)");
  } else {
    await bulkNotes(client, conversationId, agentIds, log);
  }

  await rateLimitSideBySide(createClient, sandboxUrl !== undefined, log);

  if (sandboxUrl === undefined) {
    log("5. A server error on request: skipped (the sandbox injects it)");
  } else {
    await serverErrorRetried(createClient, sandboxUrl, log);
  }

  log("6. A raw typed call the facade also covers: GET /beta/organization");
  const { data, error, response } = await client.raw.GET("/beta/organization");
  if (error !== undefined) throw new Error(`GET /beta/organization answered ${response.status}`);
  log(`   organization ${data.data.name} (${data.data.id})`);

  await typedErrorHandled(client, sandboxUrl, log);
}

async function bulkNotes(
  client: DixaClient,
  conversationId: number,
  agentIds: string[],
  log: (line: string) => void,
) {
  // Every fifth note is signed by an agent the organization does not have: Dixa refuses those
  // notes one by one and creates the others in the same request.
  const notes = Array.from({ length: 25 }, (_, i) => ({
    message: `Follow-up ${i + 1} of 25`,
    agentId: i % 5 === 4 ? unknownAgentId : agentIds[i % Math.max(1, agentIds.length)],
  }));
  log(
    `2. Adding 25 internal notes to conversation ${conversationId}, in chunks of 10 (3 requests)`,
  );
  const { successes, failures } = await client.notes.createMany(conversationId, notes, {
    chunkSize: 10,
  });
  const lines = [
    ...successes.map((s) => ({ index: s.index, text: `✓ created as ${s.data.id}` })),
    ...failures.map((f) => {
      // A per-note refusal from Dixa, or (if a whole chunk's request failed) the DixaError for it.
      const where = isDixaError(f.error) ? "request failed" : "refused";
      return { index: f.index, text: `✗ ${where}: ${f.error.message}` };
    }),
  ].sort((a, b) => a.index - b.index);
  for (const { index, text } of lines) log(`   #${index} "${notes[index]!.message}" ${text}`);
  log(`   ${successes.length} created, ${failures.length} refused, each tied to its input`);

  const listed = await client.notes.list(conversationId);
  const created = new Set(successes.map((s) => s.data.id));
  const found = listed.filter((note) => created.has(note.id)).length;
  log(`3. notes.list(${conversationId}): ${listed.length} notes, ${found} of them just created`);
}

async function rateLimitSideBySide(
  createClient: DemoOptions["createClient"],
  sandbox: boolean,
  log: (line: string) => void,
) {
  const calls = 40;
  log(`4. ${calls} calls at once (GET /beta/organization); Dixa allows 10/s with a burst of 4`);
  // Each run with its own token, as two separate apps would be: the server limits per token.
  const limited = await callsAtOnce(calls, (onEvent) =>
    createClient({ ...(sandbox ? { apiKey: "demo-token-limited" } : {}), onEvent }),
  );
  log(
    `   through the client's limiter: ${limited.ok} OK, ${limited.tooMany} × 429 seen, ${limited.seconds} s`,
  );
  if (!sandbox) {
    log("   without a limiter: skipped against the real API (it would only collect 429s)");
    return;
  }
  const raw = await callsAtOnce(calls, (onEvent) =>
    createClient({ apiKey: "demo-token-raw", rateLimit: false, retry: false, onEvent }),
  );
  log(
    `   the same ${calls} raw (no limiter, no retry): ${raw.ok} OK, ${raw.tooMany} × 429 seen, ${raw.seconds} s`,
  );
}

/** Sends `calls` GETs at once and counts every answer seen, retried ones included. */
async function callsAtOnce(calls: number, clientWith: (onEvent: EventHook) => DixaClient) {
  const statuses: number[] = [];
  const client = clientWith((event) => {
    if (event.type === "response") statuses.push(event.status);
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: calls }, () =>
      client.raw.GET("/beta/organization").then(({ response }) => response.ok),
    ),
  );
  return {
    ok: results.filter(Boolean).length,
    tooMany: statuses.filter((status) => status === 429).length,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
}

async function serverErrorRetried(
  createClient: DemoOptions["createClient"],
  sandboxUrl: string,
  log: (line: string) => void,
) {
  log("5. The sandbox answers the next GET with a 503 (POST /__sandbox/faults)");
  await queueFault(sandboxUrl, { status: 503, method: "GET", path: "/beta/organization" });
  const statuses: number[] = [];
  const watched = createClient({
    apiKey: "demo-token-faults",
    onEvent: (event) => {
      if (event.type === "response") statuses.push(event.status);
    },
  });
  const organization = await watched.organization.get();
  log(
    `   answers seen: ${statuses.join(", ")}; the client retried the GET and got ${organization.name}`,
  );
}

/**
 * A failure told apart by `error.kind`: TypeScript narrows the error to its class in each case,
 * so `error.status` is there for "api" and `error.timeoutMs` for "timeout".
 */
async function typedErrorHandled(
  client: DixaClient,
  sandboxUrl: string | undefined,
  log: (line: string) => void,
) {
  log("7. A typed error, handled: GET an agent the organization does not have");
  // The sandbox answers every well-formed id (Prism's examples): ask it for Dixa's 404.
  if (sandboxUrl !== undefined) {
    await queueFault(sandboxUrl, { status: 404, method: "GET", path: "/beta/agents/{agentId}" });
  }
  try {
    const agent = await client.agents.get(unknownAgentId);
    log(`   found ${agent.displayName}?`);
  } catch (error) {
    if (!(error instanceof DixaError)) throw error;
    switch (error.kind) {
      case "api":
        log(`   ${error.name} ${error.status} (kind "api"): ${error.message}`);
        break;
      case "timeout":
        log(`   no answer within ${error.timeoutMs} ms`);
        break;
      default:
        throw error;
    }
  }
}

/** Queues a fault at the sandbox's control endpoint (see README "The sandbox"). */
async function queueFault(sandboxUrl: string, fault: Record<string, unknown>) {
  const queued = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (queued.status !== 204) throw new Error(`the sandbox refused the fault: ${queued.status}`);
}
