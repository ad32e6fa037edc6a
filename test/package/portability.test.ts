/**
 * The client must run wherever `fetch` exists (Node 20+, Deno, Bun, browsers, workers) and with
 * an injected `fetch`. This checks dist/ as `npm run build` makes it (built once per `npm test`;
 * see test/package/built-dist.ts): no Node.js built-in anywhere in the import graph (dependencies
 * included), only the declared runtime dependencies reached, and the built client doing its job
 * through a fetch made by hand over node:http while the global fetch is out of order. The same
 * for the dixa-beta/webhooks entry, which must not even reach a dependency.
 *
 * No Node.js-only global (process, Buffer...) in the code: the build itself refuses one, as it
 * type-checks the package with no @types/node (tsconfig.build.json).
 */
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { distDir } from "../../scripts/lib/build-dist.js";
import { walkImportGraph } from "../../scripts/lib/import-graph.js";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";

type ClientModule = typeof import("../../src/index.js");

const entry = join(distDir, "index.js");

describe("the built package is portable", () => {
  it("imports no Node.js built-in anywhere in its run-time import graph", () => {
    const graph = walkImportGraph(entry);
    const show = (edges: typeof graph.builtins) =>
      edges.map((e) => `${relative(projectRoot, e.from)} imports ${e.specifier}`);
    expect(show(graph.builtins)).toEqual([]);
    expect(show(graph.unresolved)).toEqual([]);
    // The bundled entry, and openapi-fetch's ESM build (loaded with the first raw call).
    expect(graph.files).toContain(entry);
    expect(graph.files.some((file) => file.includes(join("node_modules", "openapi-fetch")))).toBe(
      true,
    );
  });

  it("reaches exactly the declared runtime dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(walkImportGraph(entry).packages).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("dixa-beta/testing imports no Node.js built-in and no package, and works as built", async () => {
    const testingEntry = join(distDir, "testing.js");
    const graph = walkImportGraph(testingEntry);
    const show = (edges: typeof graph.builtins) =>
      edges.map((e) => `${relative(projectRoot, e.from)} imports ${e.specifier}`);
    expect(show(graph.builtins)).toEqual([]);
    expect(show(graph.unresolved)).toEqual([]);
    expect(graph.packages).toEqual([]);
    // The example answers are bundled in (the sandbox below answers from them).
    expect(graph.files).toContain(testingEntry);
    const testing = (await import(
      pathToFileURL(testingEntry).href
    )) as typeof import("../../src/testing/index.js");
    const client = (await import(pathToFileURL(entry).href)) as ClientModule;
    const sandbox = testing.createDixaSandbox();
    const dixa = client.createDixaClient({ apiKey: "built-token", fetch: sandbox.fetch });
    const { successes, failures } = await dixa.notes.createMany(4711, [
      { message: "one" },
      { message: "two", agentId: "00000000-0000-4000-8000-00000000dead" },
    ]);
    expect([successes.map((s) => s.index), failures.map((f) => f.index)]).toEqual([[0], [1]]);
  });

  it("dixa-beta/webhooks imports no Node.js built-in, no dependency, nothing of the client", () => {
    const graph = walkImportGraph(join(distDir, "webhooks.js"));
    const show = (edges: typeof graph.builtins) =>
      edges.map((e) => `${relative(projectRoot, e.from)} imports ${e.specifier}`);
    expect(show(graph.builtins)).toEqual([]);
    expect(show(graph.unresolved)).toEqual([]);
    expect(graph.packages).toEqual([]);
    // Its own file, and at most the chunk of src/shared/ (the dependency-free capped reader and
    // secret rule it shares with the client): nothing of the client or the other entries.
    const beyond = graph.files.filter((file) => file !== join(distDir, "webhooks.js"));
    for (const file of beyond) {
      const modules = [...readFileSync(file, "utf8").matchAll(/^\/\/ (src\/\S+)$/gm)];
      expect(modules.length, relative(distDir, file)).toBeGreaterThan(0);
      expect(
        modules.map((m) => m[1]).filter((module) => !module!.startsWith("src/shared/")),
      ).toEqual([]);
    }
  });

  it("the built dixa-beta/webhooks checks the known-answer vector with Web Crypto", async () => {
    const webhooks = (await import(
      pathToFileURL(join(distDir, "webhooks.js")).href
    )) as typeof import("../../src/webhooks/index.js");
    // ../shared/dixa-webhooks/README.md §3
    const secret = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    const body =
      '{\n  "event_id" : "00000000-0000-4000-8000-000000000000",\n  "event_fqn" : "CONVERSATION_CREATED"\n}';
    expect(await webhooks.computeDixaSignature(body, secret, 1748264463123)).toBe(
      "6f2fc9b785fc187bd8468c410420141bc4e6a9b898b76b57a7068ce2f698e6be",
    );
    const signed = await webhooks.signDixaWebhook(
      webhooks.sampleDixaEvent("CONVERSATION_CREATED"),
      secret,
    );
    const event = await webhooks.constructDixaEvent(signed.body, signed.headers, secret);
    expect(event.event_fqn).toBe("CONVERSATION_CREATED");
  });

  it("the Redis entry (dixa-beta/redis) imports no Node.js built-in and no Redis library", () => {
    const graph = walkImportGraph(join(distDir, "redis.js"));
    const show = (edges: typeof graph.builtins) =>
      edges.map((e) => `${relative(projectRoot, e.from)} imports ${e.specifier}`);
    expect(show(graph.builtins)).toEqual([]);
    expect(show(graph.unresolved)).toEqual([]);
    // The Redis client is the user's: reached by shape, never imported; nor is the API client.
    expect(graph.packages).toEqual([]);
    expect(graph.files).toContain(join(distDir, "redis.js"));
    expect(graph.files).not.toContain(entry);
  });

  it("dixa-beta/otel imports no Node.js built-in and no package but @opentelemetry/api", async () => {
    const otelEntry = join(distDir, "otel.js");
    const graph = walkImportGraph(otelEntry);
    const show = (edges: typeof graph.builtins) =>
      edges.map((e) => `${relative(projectRoot, e.from)} imports ${e.specifier}`);
    expect(show(graph.builtins)).toEqual([]);
    // The API's own files import each other without extensions, which the walker does not
    // resolve: they are checked one by one below.
    const api = join(projectRoot, "node_modules", "@opentelemetry", "api");
    expect(show(graph.unresolved.filter((e) => !e.from.startsWith(api)))).toEqual([]);
    expect(graph.packages).toEqual(["@opentelemetry/api"]);
    // Nothing of the client's transport or facade comes along: the event types are erased.
    const ours = graph.files
      .filter((f) => f.startsWith(distDir))
      .map((f) => readFileSync(f, "utf8"));
    expect(ours.some((code) => code.includes("function createDixaTracing"))).toBe(true);
    expect(ours.filter((code) => /function createTransport|class DixaCore/.test(code))).toEqual([]);
    // Every file of the API's ESM build (what a bundler takes) imports only its own files.
    const apiFiles = readdirSync(join(api, "build", "esm"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".js"))
      .map((f) => walkImportGraph(join(api, "build", "esm", f)));
    expect(apiFiles.length).toBeGreaterThan(30);
    expect(apiFiles.flatMap((g) => show(g.builtins))).toEqual([]);
    expect(apiFiles.flatMap((g) => g.packages)).toEqual([]);
    const otel = (await import(
      pathToFileURL(otelEntry).href
    )) as typeof import("../../src/otel/index.js");
    expect(typeof otel.createDixaTracing()).toBe("function");
  });

  it("the walker does see built-ins (so an empty list above means something)", () => {
    const graph = walkImportGraph(join(projectRoot, "scripts", "lib", "prism.ts"));
    expect(graph.builtins.map((e) => e.specifier)).toContain("node:child_process");
  });
});

describe("the built client with an injected fetch that is not Node's", () => {
  let server: LoopbackServer;
  let client: ReturnType<ClientModule["createDixaClient"]>;
  let built: ClientModule;
  let handMadeCalls = 0;

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url, "http://loopback");
      const agent = (n: number) => ({
        id: `00000000-0000-4000-8000-00000000000${n}`,
        name: `A${n}`,
      });
      if (request.method === "GET" && url.pathname === "/beta/agents") {
        if (url.searchParams.get("pageKey") === "p2")
          return sendJson(response, 200, { data: [agent(3)] });
        return sendJson(response, 200, {
          data: [agent(1), agent(2)],
          meta: { next: "/beta/agents?pageLimit=2&pageKey=p2" },
        });
      }
      if (request.method === "GET" && url.pathname.startsWith("/beta/agents/")) {
        return sendJson(response, 200, {
          data: { id: url.pathname.split("/")[3], displayName: "Ada" },
        });
      }
      if (request.method === "POST" && url.pathname === "/beta/conversations/4711/notes") {
        const { message } = JSON.parse(request.body) as { message: string };
        return sendJson(response, 200, {
          data: { id: "note-1", message, createdAt: "2026-01-01T00:00:00Z" },
        });
      }
      if (request.method === "POST" && url.pathname === "/beta/conversations/4711/notes/bulk") {
        return sendJson(response, 200, {
          data: [
            { _type: "BulkActionSuccess", data: { id: "note-2", message: "one" } },
            { _type: "BulkActionFailure", error: { _type: "ErrorResponse", message: "nope" } },
          ],
        });
      }
      sendJson(response, 404, { message: `no route for ${request.method} ${url.pathname}` });
    });
    built = (await import(pathToFileURL(entry).href)) as ClientModule;
    // A fetch written by hand over node:http: what a runtime without Node's fetch would inject.
    const handMadeFetch = async (input: Request): Promise<Response> => {
      handMadeCalls++;
      const body = input.body === null ? undefined : new Uint8Array(await input.arrayBuffer());
      return new Promise<Response>((resolve, reject) => {
        const headers: Record<string, string> = {};
        input.headers.forEach((value, name) => (headers[name] = value));
        const outgoing = httpRequest(
          input.url,
          { method: input.method, headers, signal: input.signal },
          (incoming) => {
            const chunks: Uint8Array[] = [];
            incoming.on("data", (chunk: Uint8Array) => chunks.push(chunk));
            incoming.on("error", reject);
            incoming.on("end", () => {
              const answer = new Headers();
              for (const [name, value] of Object.entries(incoming.headers)) {
                if (typeof value === "string") answer.set(name, value);
              }
              const bytes = new Uint8Array(Buffer.concat(chunks));
              resolve(
                new Response(bytes.byteLength === 0 ? null : bytes, {
                  status: incoming.statusCode ?? 0,
                  headers: answer,
                }),
              );
            });
          },
        );
        outgoing.on("error", reject);
        outgoing.end(body);
      });
    };
    // Any use of the global fetch would now fail loudly.
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new Error("the global fetch must not be used"))),
    );
    client = built.createDixaClient({
      apiKey: "portable-token",
      baseUrl: server.url,
      fetch: handMadeFetch,
      rateLimit: false,
    });
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    await server?.close();
  });

  it("creates a note, sending the token and the user agent", async () => {
    const note = await client.notes.create(4711, { message: "portable" });
    expect(note).toMatchObject({ id: "note-1", message: "portable" });
    const sent = server.requests.at(-1)!;
    expect(sent.headers["authorization"]).toBe("portable-token");
    expect(sent.headers["user-agent"]).toMatch(/^dixa-beta-ts\/\d+\.\d+\.\d+/);
  });

  it("iterates a paged list across pages", async () => {
    const ids: string[] = [];
    for await (const agent of client.agents.list({ pageLimit: 2 })) ids.push(agent.id);
    expect(ids).toHaveLength(3);
  });

  it("splits bulk outcomes and maps an error answer to DixaApiError", async () => {
    const { successes, failures } = await client.notes.createMany(4711, [
      { message: "one" },
      { message: "two" },
    ]);
    expect(successes.map((s) => s.index)).toEqual([0]);
    expect(failures.map((f) => [f.index, f.error.message])).toEqual([[1, "nope"]]);
    const error = await client.notes.list(404).catch((caught: unknown) => caught);
    expect(built.isDixaApiError(error)).toBe(true);
    expect(built.isDixaApiError(error) && error.status).toBe(404);
  });

  it("makes raw calls through the same fetch, and never the global one", async () => {
    const { data } = await client.raw.GET("/beta/agents/{agentId}", {
      params: { path: { agentId: "93b885ad-fe0d-3089-8df6-34904fd59f71" } },
    });
    expect(data?.data.displayName).toBe("Ada");
    expect(globalThis.fetch).not.toHaveBeenCalled();
    expect(handMadeCalls).toBe(server.requests.length);
  });
});
