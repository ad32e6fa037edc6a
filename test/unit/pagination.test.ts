import { afterEach, describe, expect, it } from "vitest";
import {
  createDixaClient,
  DixaMalformedResponseError,
  DixaPaginationError,
} from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const agent = (i: number) => ({ id: `agent-${i}`, displayName: `Agent ${i}` });

/** Serves `pages` pages of `size` agents; `next` decides how each page links to the following one. */
function pagedAgents(
  pages: number,
  size: number,
  next: (page: number, base: string) => string | undefined,
) {
  return startLoopbackServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const key = url.searchParams.get("pageKey");
    const page =
      key === null ? 0 : Number(Buffer.from(key, "base64").toString().replace("page-", ""));
    const data = Array.from({ length: size }, (_, i) => agent(page * size + i));
    const link = page + 1 < pages ? next(page + 1, `http://${request.headers.host}`) : undefined;
    sendJson(response, 200, { data, meta: link === undefined ? {} : { next: link } });
  });
}
const keyFor = (page: number) => encodeURIComponent(Buffer.from(`page-${page}`).toString("base64"));

describe("pagination", () => {
  it("iterates items across pages following relative meta.next links", async () => {
    server = await pagedAgents(3, 2, (page) => `/beta/agents?pageKey=${keyFor(page)}&pageLimit=2`);
    const ids: string[] = [];
    for await (const a of clientFor(server).agents.list({ pageLimit: 2, email: "a@b.c" }))
      ids.push(a.id);
    expect(ids).toEqual(["agent-0", "agent-1", "agent-2", "agent-3", "agent-4", "agent-5"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/beta/agents?pageLimit=2&email=a%40b.c",
      `/beta/agents?pageLimit=2&email=a%40b.c&pageKey=${keyFor(1)}`,
      `/beta/agents?pageLimit=2&email=a%40b.c&pageKey=${keyFor(2)}`,
    ]);
  });

  it("follows absolute links too, and .pages() yields one page at a time", async () => {
    server = await pagedAgents(2, 3, (page, base) => `${base}/beta/agents?pageKey=${keyFor(page)}`);
    const pages = [];
    for await (const page of clientFor(server).agents.list().pages()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3]);
    expect(pages[0]!.pageKey).toBeUndefined();
    expect(pages[1]!.pageKey).toBe(decodeURIComponent(keyFor(1)));
    expect(pages[1]!.next).toBeUndefined();
  });

  it("sends nothing until iteration starts", async () => {
    server = await pagedAgents(2, 2, (page) => `/beta/agents?pageKey=${keyFor(page)}`);
    const list = clientFor(server).agents.list();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
    await list.toArray();
    expect(server.requests).toHaveLength(2);
  });

  it("toArray({ max }) stops fetching once it has enough", async () => {
    server = await pagedAgents(10, 5, (page) => `/beta/agents?pageKey=${keyFor(page)}`);
    const items = await clientFor(server).agents.list().toArray({ max: 7 });
    expect(items.map((a) => a.id)).toEqual(Array.from({ length: 7 }, (_, i) => `agent-${i}`));
    expect(server.requests).toHaveLength(2);
  });

  it("breaking out of for-await stops fetching", async () => {
    server = await pagedAgents(10, 2, (page) => `/beta/agents?pageKey=${keyFor(page)}`);
    for await (const a of clientFor(server).agents.list()) if (a.id === "agent-2") break;
    expect(server.requests).toHaveLength(2);
  });

  it("stops when meta or next is absent", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [agent(1)] }),
    );
    expect(await clientFor(server).agents.list().toArray()).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it("throws instead of looping when the server repeats a pageKey", async () => {
    server = await pagedAgents(
      100,
      1,
      (page) => `/beta/agents?pageKey=${keyFor(page > 2 ? 1 : page)}`,
    );
    const error = await clientFor(server)
      .agents.list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaPaginationError);
    expect((error as Error).message).toMatch(
      /GET \/beta\/agents: the server repeated a pageKey after 3 page\(s\)/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("throws when the same pageKey comes straight back", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [agent(1)], meta: { next: "/beta/agents?pageKey=same" } }),
    );
    await expect(clientFor(server).agents.list().toArray()).rejects.toThrow(DixaPaginationError);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a next link without a pageKey rather than inventing one", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [agent(1)], meta: { next: "/beta/agents?page=2" } }),
    );
    const error = await clientFor(server)
      .agents.list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaMalformedResponseError);
    expect((error as Error).message).toMatch(/carries no pageKey/);
  });
});

describe("a paged list you can await (issue 20.2)", () => {
  it("resolves to its first page: the same page object .pages() yields", async () => {
    server = await pagedAgents(3, 2, (page) => `/beta/agents?pageKey=${keyFor(page)}&pageLimit=2`);
    const list = clientFor(server).agents.list({ pageLimit: 2 });
    const first = await list;
    expect(Array.isArray(first.items)).toBe(true);
    expect(first).toEqual({
      items: [agent(0), agent(1)],
      pageKey: undefined,
      hasNextPage: true,
      nextPageKey: decodeURIComponent(keyFor(1)),
      next: `/beta/agents?pageKey=${keyFor(1)}&pageLimit=2`,
    });
    // Awaited again: the same page, not fetched again.
    expect(await list).toBe(first);
    expect(server.requests).toHaveLength(1);
    const viaPages = await clientFor(server).agents.list({ pageLimit: 2 }).pages().next();
    expect(viaPages.value).toEqual(first);
  });

  it("for await, .pages() and .toArray() still work on the same value", async () => {
    server = await pagedAgents(2, 2, (page) => `/beta/agents?pageKey=${keyFor(page)}`);
    const list = clientFor(server).agents.list();
    expect((await list).items).toHaveLength(2);
    expect(await list.toArray()).toHaveLength(4);
    const ids: string[] = [];
    for await (const a of list) ids.push(a.id);
    expect(ids).toHaveLength(4);
  });

  it("the last page says so", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [agent(1)] }),
    );
    expect(await clientFor(server).agents.list()).toMatchObject({
      hasNextPage: false,
      nextPageKey: undefined,
    });
  });
});

describe("resumable listing (issue 23.4)", () => {
  it("a sync that stopped after page 2 of 5 resumes with pages 3 to 5, each once", async () => {
    const sandbox = createDixaSandbox({ listSize: 10 });
    const client = createDixaClient({ apiKey: "resume-token", fetch: sandbox.fetch });
    // First run: stops (crashes) after page 2, having saved the key to continue from.
    let checkpoint: string | undefined;
    let pagesSeen = 0;
    for await (const page of client.agents.list({ pageLimit: 2 }).pages()) {
      checkpoint = page.nextPageKey;
      if (++pagesSeen === 2) break;
    }
    expect(checkpoint).toEqual(expect.any(String));
    const before = sandbox.requests.length;
    // Second run: from the checkpoint only.
    const resumed: string[] = [];
    for await (const page of client.agents.list({ pageLimit: 2, pageKey: checkpoint }).pages()) {
      resumed.push(...page.items.map((a) => a.id));
    }
    expect(resumed).toEqual(sandbox.agents.slice(4).map((a) => a.id));
    expect(sandbox.requests.length - before).toBe(3);
    const first = sandbox.requests[before]!;
    expect(first.query["pageKey"]).toBe(checkpoint);
  });

  it("awaiting a resumed list gives the page after the checkpoint", async () => {
    server = await pagedAgents(4, 1, (page) => `/beta/agents?pageKey=${keyFor(page)}`);
    const key = decodeURIComponent(keyFor(2));
    const page = await clientFor(server).agents.list({ pageKey: key });
    expect(page).toMatchObject({ items: [agent(2)], pageKey: key, hasNextPage: true });
    expect(server.requests.map((r) => r.url)).toEqual([`/beta/agents?pageKey=${keyFor(2)}`]);
  });

  it("a saved key the server repeats is still caught as a loop", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [agent(1)], meta: { next: "/beta/agents?pageKey=saved" } }),
    );
    await expect(clientFor(server).agents.list({ pageKey: "saved" }).toArray()).rejects.toThrow(
      DixaPaginationError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("an empty or non-string pageKey is a TypeError at the call", () => {
    const client = createDixaClient({ apiKey: "resume-token", fetch: createDixaSandbox().fetch });
    expect(() => client.agents.list({ pageKey: "" })).toThrow(
      /query\.pageKey must be a non-empty string/,
    );
    expect(() => client.agents.list({ pageKey: 5 as never })).toThrow(TypeError);
  });
});
