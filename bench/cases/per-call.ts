import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { createDixaClient } from "../../src/index.js";
import type { paths } from "../../src/types.js";
import { check, latencyOf, type Result } from "../report.js";
import { median, quantile, shuffled } from "../stats.js";

const apiKey = "bench-token";
const agentId = "93b885ad-fe0d-3089-8df6-000000000000";
// Many short rounds: each runs every variant 25 times, in a new random order, so a burst of
// load on this shared machine lands on all variants alike instead of on whichever ran then.
const rounds = 200;
const iterationsPerRound = 25;

type Variant = { name: string; call: () => Promise<unknown> };

/**
 * The same GET (one agent) and POST (one note) through bare fetch, openapi-fetch without our
 * middleware, client.raw, and the facade, interleaved in short rounds; medians and p99s are
 * over all rounds.
 */
export async function perCallOverhead(baseUrl: string): Promise<Result[]> {
  const headers = { Authorization: apiKey, Accept: "application/json" };
  const openapiFetch = createClient<paths>({ baseUrl, headers });
  const client = createDixaClient({ apiKey, baseUrl, rateLimit: false });
  const note = { message: "Bench note" };
  const get: Variant[] = [
    {
      name: "bare fetch",
      call: async () => (await fetch(`${baseUrl}/beta/agents/${agentId}`, { headers })).json(),
    },
    {
      name: "openapi-fetch",
      call: () => openapiFetch.GET("/beta/agents/{agentId}", { params: { path: { agentId } } }),
    },
    {
      name: "client.raw",
      call: () => client.raw.GET("/beta/agents/{agentId}", { params: { path: { agentId } } }),
    },
    { name: "facade", call: () => client.agents.get(agentId) },
  ];
  const post: Variant[] = [
    {
      name: "bare fetch",
      call: async () =>
        (
          await fetch(`${baseUrl}/beta/conversations/4711/notes`, {
            method: "POST",
            headers: { ...headers, "Content-Type": "application/json" },
            body: JSON.stringify(note),
          })
        ).json(),
    },
    {
      name: "openapi-fetch",
      call: () =>
        openapiFetch.POST("/beta/conversations/{conversationId}/notes", {
          params: { path: { conversationId: 4711 } },
          body: note,
        }),
    },
    {
      name: "client.raw",
      call: () =>
        client.raw.POST("/beta/conversations/{conversationId}/notes", {
          params: { path: { conversationId: 4711 } },
          body: note,
        }),
    },
    { name: "facade", call: () => client.notes.create(4711, note) },
  ];
  return [
    ...(await measure("GET one agent", get)),
    ...(await measure("POST one note", post)),
    ...(await clientSideCost()),
  ];
}

/**
 * The same GET with an in-memory fetch that answers at once: no socket, so what remains is the
 * client-side work alone (openapi-fetch's, and ours on top), with far less noise than loopback.
 */
async function clientSideCost(): Promise<Result[]> {
  const body = JSON.stringify({
    data: { id: agentId, displayName: "Agent 0", email: "a@example.org" },
  });
  const answer = async () =>
    new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const baseUrl = "http://in-memory.invalid";
  const openapiFetch = createClient<paths>({ baseUrl, fetch: answer });
  const client = createDixaClient({ apiKey, baseUrl, rateLimit: false, fetch: answer });
  const bench = new Bench({ time: 1_000, warmup: true });
  bench.add("openapi-fetch", () =>
    openapiFetch.GET("/beta/agents/{agentId}", { params: { path: { agentId } } }),
  );
  bench.add("facade", () => client.agents.get(agentId));
  await bench.run();
  const [plain, facade] = bench.tasks.map((task) => latencyOf(task).p50! * 1000);
  return [
    {
      case: "1 per-call in-memory fetch",
      name: "openapi-fetch, client side only",
      value: plain!,
      unit: "µs",
    },
    {
      case: "1 per-call in-memory fetch",
      name: "facade, client side only",
      value: facade!,
      unit: "µs",
    },
    {
      case: "1 per-call in-memory fetch",
      name: "facade's added cost per call",
      value: facade! - plain!,
      unit: "µs",
    },
  ];
}

async function measure(label: string, variants: Variant[]): Promise<Result[]> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({
      time: 0,
      iterations: iterationsPerRound,
      warmup: round === 0,
      retainSamples: true,
    });
    for (const variant of shuffled(variants)) bench.add(variant.name, variant.call);
    await bench.run();
    for (const task of bench.tasks)
      samples.get(task.name)!.push(...(latencyOf(task).samples ?? []));
  }
  const medianOf = (name: string) => median(samples.get(name)!);
  const results: Result[] = [];
  for (const { name } of variants) {
    const all = samples.get(name)!;
    results.push({
      case: `1 per-call ${label}`,
      name: `${name} median (p99 ${(quantile(all, 0.99) * 1000).toFixed(0)} µs, n=${all.length})`,
      value: medianOf(name) * 1000,
      unit: "µs",
    });
  }
  const facadeRatio = medianOf("facade") / medianOf("openapi-fetch");
  results.push({
    case: `1 per-call ${label}`,
    name: "facade / openapi-fetch (median)",
    value: facadeRatio,
    unit: "x",
    ratio: facadeRatio,
    target: "<= 1.05",
    pass: check(facadeRatio, "<= 1.05"),
  });
  const rawRatio = medianOf("openapi-fetch") / medianOf("bare fetch");
  results.push({
    case: `1 per-call ${label}`,
    name: "openapi-fetch / bare fetch (median)",
    value: rawRatio,
    unit: "x",
    ratio: rawRatio,
  });
  const clientRawRatio = medianOf("client.raw") / medianOf("openapi-fetch");
  results.push({
    case: `1 per-call ${label}`,
    name: "client.raw / openapi-fetch (median)",
    value: clientRawRatio,
    unit: "x",
    ratio: clientRawRatio,
  });
  return results;
}
