/**
 * A consumer of the published package, written the way the README shows. It uses no Node.js API,
 * so it also typechecks for a bundler/browser project without @types/node (tsconfig.bundler.json).
 * npm run test:package copies this folder into a fresh project that installed the tarball.
 */
import {
  createDixaClient,
  isDixaApiError,
  type DixaClient,
  type InternalNote,
  type BulkResult,
} from "dixa-beta";
// An inline `type` import: with verbatimModuleSyntax it stays an `import {}` at run time.
import { type components, type paths } from "dixa-beta/types";
import { createRedisRateLimiter, type RedisClientLike } from "dixa-beta/redis";
import { facadeOperations, type FacadeCall } from "dixa-beta/operations";

type Agent = components["schemas"]["Agent"];

export interface SampleSummary {
  noteId: string;
  agents: number;
  firstAgent: string | undefined;
  bulkSuccesses: number[];
  bulkFailures: number[];
  notFoundStatus: number | undefined;
  rawAgentName: string | undefined;
  /** What dixa-beta/redis says to something that is not a Redis client. */
  redisEntry: string;
  /** The facade call dixa-beta/operations names for the note this sample creates. */
  noteCall: FacadeCall;
}

/** The README's "Many workers, one token" set-up, typed against the published declarations. */
export function sharedLimitClient(redis: RedisClientLike, apiKey: string): DixaClient {
  const rateLimit = createRedisRateLimiter({ redis, apiKey, workers: 4 });
  return createDixaClient({ apiKey, rateLimit });
}

export async function runSample(baseUrl: string): Promise<SampleSummary> {
  const dixa = createDixaClient({ apiKey: "consumer-token", baseUrl });

  const note: InternalNote = await dixa.notes.create(4711, { message: "Called the customer back" });

  const agents: Agent[] = [];
  for await (const agent of dixa.agents.list({ pageLimit: 100 })) agents.push(agent);

  const bulk = await dixa.notes.createMany(4711, [
    { message: "First" },
    { message: "Second", agentId: "a53b25da-f676-4c52-acac-58c9280aa23d" },
  ]);
  const { successes, failures } = bulk;
  for (const s of successes) void s.data.id;
  for (const f of failures) void f.error.message;

  // The mock answers 404 when asked to (Prism's Prefer header), through an injected fetch.
  const notFound = createDixaClient({
    apiKey: "consumer-token",
    baseUrl,
    fetch: (request) => {
      const headers = new Headers(request.headers);
      headers.set("Prefer", "code=404");
      return fetch(new Request(request, { headers }));
    },
  });
  let notFoundStatus: number | undefined;
  try {
    await notFound.notes.list(4711);
  } catch (error) {
    if (isDixaApiError(error) && error.status === 404) notFoundStatus = error.status;
    else throw error;
  }

  const { data } = await dixa.raw.GET("/beta/agents/{agentId}", {
    params: { path: { agentId: "93b885ad-fe0d-3089-8df6-34904fd59f71" } },
  });

  return {
    noteId: note.id,
    agents: agents.length,
    firstAgent: agents[0]?.displayName,
    bulkSuccesses: successes.map((s) => s.index),
    bulkFailures: failures.map((f) => f.index),
    notFoundStatus,
    rawAgentName: data?.data.displayName,
    redisEntry: redisEntryCheck(),
    noteCall: facadeOperations.postConversationsConversationidNotes.call,
  };
}

function redisEntryCheck(): string {
  try {
    createRedisRateLimiter({ redis: {} as RedisClientLike, apiKey: "consumer-token", workers: 2 });
    return "accepted an object that is no Redis client";
  } catch (error) {
    return error instanceof TypeError ? "TypeError" : String(error);
  }
}

/** Never called: the published types must reject these, so they are not `any`. */
export function typesAreStrict(
  dixa: DixaClient,
  result: BulkResult<{ message: string }, InternalNote, Error>,
) {
  // @ts-expect-error conversation ids are numbers
  void dixa.notes.create("4711", { message: "x" });
  // @ts-expect-error a note needs a message
  void dixa.notes.create(4711, {});
  // @ts-expect-error no such path in the spec
  void dixa.raw.GET("/beta/no-such-endpoint");
  // @ts-expect-error the path parameter is required
  void dixa.raw.GET("/beta/agents/{agentId}", {});
  // @ts-expect-error `paths` is keyed by the spec's paths
  const missing: paths["/beta/no-such-endpoint"] = {};
  void missing;
  const index: number | undefined = result.successes[0]?.index;
  return index;
}
