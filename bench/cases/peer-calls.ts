import { Bench } from "tinybench";
import { hottestFunctions } from "../peers/profile.js";
import {
  agentId,
  conversationId,
  noteMessage,
  type AnyFetch,
  type Calls,
  type Peer,
} from "../peers/peer.js";
import type { PeerTable } from "../peers/table.js";
import { check, latencyOf, type Result } from "../report.js";
import { collectGarbage, median, quantile, shuffled } from "../stats.js";

// Many short rounds: each runs every client a few times, in a new random order, so a burst of
// load on this shared machine lands on all clients alike instead of on whichever ran then.
const socketRounds = 150;
const socketIterations = 25;
const memoryRounds = 60;
const memoryIterations = 200;
/** The facade's row in the issue's table ("this facade"); its client-object form is shown too. */
const facade = "facade-core";

interface Variant {
  name: string;
  call: () => Promise<unknown>;
}

/**
 * Per call, every client side by side: the same GET (one agent) and POST (one note) against the
 * loopback server (its own process), then through an in-memory fetch that answers at once (the
 * client-side work alone). Ratios are to bare fetch measured in the same rounds.
 */
export async function peerCalls(
  peers: readonly Peer[],
  baseUrl: string,
  table: PeerTable,
): Promise<Result[]> {
  const overSocket = new Map<string, Calls>();
  for (const peer of peers) overSocket.set(peer.key, await checked(peer, peer.overSocket(baseUrl)));
  const keepAlive = await connectionsOpened(overSocket, baseUrl);
  const reopened = [...keepAlive].filter(([, opened]) => opened > 0);
  table.footnote(
    reopened.length === 0
      ? "Keep-alive: every client reused its connection (0 new TCP connections over 40 calls each, after a warm-up call); the fetch-based ones share undici's global pool, axios uses Node's global agent."
      : `Keep-alive: new TCP connections over 40 calls: ${reopened.map(([k, n]) => `${k} ${n}`).join(", ")} (others 0).`,
  );

  const results: Result[] = [];
  const ratios = { GET: new Map<string, number>(), POST: new Map<string, number>() };
  for (const method of ["GET", "POST"] as const) {
    const variants = [...overSocket].map(([name, calls]) => ({
      name,
      call: method === "GET" ? calls.get : calls.post,
    }));
    const samples = await interleave(variants, socketRounds, socketIterations);
    const bare = median(samples.get("bare-fetch")!);
    const label = `1 per-call ${method === "GET" ? "GET one agent" : "POST one note"}`;
    for (const [name, all] of samples) {
      const ratio = median(all) / bare;
      ratios[method].set(name, ratio);
      results.push({
        case: label,
        name: `${name} median (p99 ${(quantile(all, 0.99) * 1000).toFixed(0)} µs, n=${all.length})`,
        value: median(all) * 1000,
        unit: "µs",
        ratio,
      });
    }
    // Carried over from the former per-call case: the facade over plain openapi-fetch.
    const overOpenapiFetch =
      median(samples.get("facade-client")!) / median(samples.get("openapi-fetch")!);
    results.push({
      case: label,
      name: "facade (client) / openapi-fetch (median)",
      value: overOpenapiFetch,
      unit: "x",
      ratio: overOpenapiFetch,
      target: "<= 1.05",
      pass: check(overOpenapiFetch, "<= 1.05"),
    });
    collectGarbage();
  }
  for (const peer of peers) {
    table.set(peer.key, { get: ratios.GET.get(peer.key)!, post: ratios.POST.get(peer.key)! });
  }

  const memory = await inMemoryCost(peers);
  results.push(...memory.results);
  const withoutFetch = peers.filter((peer) => !peer.inMemory).map((peer) => peer.label);
  if (withoutFetch.length) {
    table.footnote(
      `Client side only (an in-memory fetch that answers at once): ${withoutFetch.join(" and ")} take no fetch, so have no such figure.`,
    );
  }
  for (const method of ["GET", "POST"] as const) {
    const ours = ratios[method].get(facade)!;
    const heyApi = ratios[method].get("hey-api")!;
    const relative = ours / heyApi;
    const pass = check(relative, "<= 1");
    results.push(
      table.target({
        case: `1 per-call ${method} vs peers`,
        name: `${method} on loopback: this facade ${ours.toFixed(2)}× bare fetch, hey-api ${heyApi.toFixed(2)}×`,
        value: relative,
        unit: "x hey-api's",
        ratio: relative,
        target: "<= 1",
        pass,
        ...(!pass && {
          note: `client-side work alone (in-memory fetch): this facade ${memory.cost[method].get(facade)!.toFixed(1)} µs, hey-api ${memory.cost[method].get("hey-api")!.toFixed(1)} µs, bare fetch ${memory.cost[method].get("bare-fetch")!.toFixed(1)} µs; where this facade's CPU goes:\n${await memory.profile(method)}`,
        }),
      }),
    );
  }
  results.push(...memory.targets.map((t) => table.target(t)));
  return results;
}

/** Calls each client once and checks it got the server's answer, so no client measures a failure. */
async function checked(peer: Peer, making: Promise<Calls>): Promise<Calls> {
  const calls = await making;
  const got = { GET: JSON.stringify(await calls.get()), POST: JSON.stringify(await calls.post()) };
  if (!got.GET?.includes(agentId) || !got.POST?.includes(noteMessage)) {
    throw new Error(`${peer.label} did not get the expected answers: ${JSON.stringify(got)}`);
  }
  return calls;
}

/** TCP connections the server accepted while each client made 20 GETs and 20 POSTs. */
async function connectionsOpened(
  clients: ReadonlyMap<string, Calls>,
  baseUrl: string,
): Promise<Map<string, number>> {
  const accepted = async () =>
    ((await (await fetch(`${baseUrl}/__connections`)).json()) as { connections: number })
      .connections;
  const opened = new Map<string, number>();
  for (const [name, calls] of clients) {
    await calls.get();
    const before = await accepted();
    for (let i = 0; i < 20; i++) {
      await calls.get();
      await calls.post();
    }
    opened.set(name, (await accepted()) - before);
  }
  return opened;
}

/** Every variant run `iterations` times per round, in a new order each round; samples in ms. */
async function interleave(
  variants: readonly Variant[],
  rounds: number,
  iterations: number,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: 0, iterations, warmup: round === 0, retainSamples: true });
    for (const variant of shuffled(variants)) bench.add(variant.name, variant.call);
    await bench.run();
    for (const task of bench.tasks)
      samples.get(task.name)!.push(...(latencyOf(task).samples ?? []));
  }
  return samples;
}

/** The bench server's answers, held in memory. */
const answers = {
  GET: JSON.stringify({
    data: {
      id: agentId,
      createdAt: "2020-12-16T09:41:43Z",
      displayName: "Agent 0",
      email: "agent.0@example.org",
      avatarUrl: "https://files.dixa.io/public/image_0_id",
      additionalEmails: [],
      additionalPhoneNumbers: [],
      middleNames: [],
      roles: ["Agent"],
    },
  }),
  POST: JSON.stringify({
    data: {
      id: "eb31acbb-13f9-4ce7-abd3-44dd86266741",
      authorId: "5e8a300e-787e-47cd-af53-fc1ccc37933d",
      createdAt: "2021-12-01T12:46:36.581Z",
      csid: conversationId,
      message: noteMessage,
    },
  }),
};

/** A fetch that answers at once, without reading the request: what remains is client-side work. */
const inMemoryFetch: AnyFetch = async (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  return new Response(method === "POST" ? answers.POST : answers.GET, {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};

async function inMemoryCost(peers: readonly Peer[]) {
  const baseUrl = "http://in-memory.invalid";
  const clients = new Map<string, Calls>();
  for (const peer of peers) {
    if (peer.inMemory)
      clients.set(peer.key, await checked(peer, peer.inMemory(inMemoryFetch, baseUrl)));
  }
  const results: Result[] = [];
  const targets: Result[] = [];
  const cost = { GET: new Map<string, number>(), POST: new Map<string, number>() };
  /** Where the facade's CPU goes per call, profiled only when a target needs saying why. */
  const profile = (method: "GET" | "POST") =>
    hottestFunctions(
      method === "GET" ? clients.get(facade)!.get : clients.get(facade)!.post,
      5_000,
    );
  for (const method of ["GET", "POST"] as const) {
    const variants = [...clients].map(([name, calls]) => ({
      name,
      call: method === "GET" ? calls.get : calls.post,
    }));
    const samples = await interleave(variants, memoryRounds, memoryIterations);
    for (const [name, all] of samples) {
      cost[method].set(name, median(all) * 1000);
      results.push({
        case: `1 per-call in-memory ${method}`,
        name: `${name}, client side only (median, n=${all.length})`,
        value: median(all) * 1000,
        unit: "µs",
      });
    }
    const added = cost[method].get(facade)! - cost[method].get("openapi-fetch")!;
    results.push({
      case: `1 per-call in-memory ${method}`,
      name: "facade (client)'s added cost over openapi-fetch",
      value: cost[method].get("facade-client")! - cost[method].get("openapi-fetch")!,
      unit: "µs",
    });
    const pass = check(added, "<= 5");
    targets.push({
      case: `1 per-call in-memory ${method}`,
      name: `${method} client side only: this facade ${cost[method].get(facade)!.toFixed(1)} µs, openapi-fetch ${cost[method].get("openapi-fetch")!.toFixed(1)} µs (${added >= 0 ? "+" : ""}${added.toFixed(1)} µs)`,
      value: added,
      unit: "µs over openapi-fetch",
      ratio: added,
      target: "<= 5",
      pass,
      ...(!pass && { note: `where this facade's CPU goes:\n${await profile(method)}` }),
    });
    collectGarbage();
  }
  return { results, targets, cost, profile };
}
