/**
 * The in-process sandbox of dixa-beta/testing, used as an app developer would: through the
 * client with `fetch: sandbox.fetch`, plus plain fetches where the wire details matter.
 */
import { describe, expect, it } from "vitest";
import { exampleAnswers } from "../../generated/example-answers.js";
import { createDixaClient } from "../../src/index.js";
import { createDixaSandbox, sandboxId, type DixaSandbox } from "../../src/testing/index.js";

const unknownAgent = "00000000-0000-4000-8000-00000000dead";

function clientFor(sandbox: DixaSandbox) {
  return createDixaClient({ apiKey: "behaviour-token", fetch: sandbox.fetch });
}

/** A plain request to the sandbox, JSON in and out. */
async function send(sandbox: DixaSandbox, method: string, path: string, body?: unknown) {
  const response = await sandbox.fetch(`https://dev.dixa.io${path}`, {
    method,
    headers: { authorization: "plain-token", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe("bulk endpoints answer one outcome per input, in order", () => {
  it("notes: 25 in chunks of 10, an unknown agentId refused, the rest created and listed", async () => {
    const sandbox = createDixaSandbox();
    const dixa = clientFor(sandbox);
    const notes = Array.from({ length: 25 }, (_, i) => ({
      message: `note ${i}`,
      ...(i % 5 === 4 ? { agentId: unknownAgent } : {}),
      ...(i === 1 ? { agentId: sandbox.agents[2]!.id } : {}),
    }));
    const { successes, failures } = await dixa.notes.createMany(4711, notes, { chunkSize: 10 });
    expect(failures.map((f) => f.index)).toEqual([4, 9, 14, 19, 24]);
    for (const f of failures) {
      expect(f.error.message).toBe(`An agent with id:${unknownAgent} cannot be found in org.`);
      expect(f.input).toBe(notes[f.index]);
    }
    expect(successes).toHaveLength(20);
    for (const s of successes) expect(s.data.message).toBe(`note ${s.index}`);
    expect(successes[0]!.data).toMatchObject({
      id: sandboxId("note", 0),
      authorId: sandbox.agents[0]!.id, // no agentId: the sandbox's first agent
      csid: 4711,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\[GMT\]$/),
    });
    expect(successes[1]!.data.authorId).toBe(sandbox.agents[2]!.id);
    const bulkCalls = sandbox.requests.filter(
      (r) => r.pathTemplate === "/beta/conversations/{conversationId}/notes/bulk",
    );
    expect(bulkCalls.map((r) => (r.body as { data: unknown[] }).data.length)).toEqual([10, 10, 5]);

    const listed = await dixa.notes.list(4711);
    // The spec's two example notes, then the 20 created, oldest first.
    expect(listed).toHaveLength(22);
    expect(listed.slice(2).map((n) => n.id)).toEqual(successes.map((s) => s.data.id));
    expect(await dixa.notes.list(4712)).toHaveLength(2);
    expect(sandbox.notes(4711)).toEqual(listed);
  });

  it("agents: updates of unknown ids fail as NotFound, a taken email fails creation", async () => {
    const sandbox = createDixaSandbox();
    const [first, second] = sandbox.agents;
    const patched = await send(sandbox, "PATCH", "/beta/agents", [
      { id: first!.id, displayName: "Renamed" },
      { id: unknownAgent, displayName: "Nobody" },
    ]);
    expect(patched.status).toBe(200);
    expect(patched.body.data).toEqual([
      { data: { ...first, displayName: "Renamed" }, _type: "BulkActionSuccess" },
      {
        error: { id: unknownAgent, message: "Agent not found", _type: "NotFound" },
        _type: "BulkActionFailure",
      },
    ]);
    expect(sandbox.agents[0]!.displayName).toBe("Renamed");

    const created = await send(sandbox, "POST", "/beta/agents/bulk", {
      data: [
        { displayName: "New", email: "new@example.org" },
        { displayName: "Copy", email: second!.email },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.data[0]).toMatchObject({
      _type: "BulkActionSuccess",
      // Numbered after the six agents the sandbox starts with.
      data: { id: sandboxId("agent", 6), displayName: "New", email: "new@example.org" },
    });
    expect(created.body.data[1]).toEqual({
      _type: "BulkActionFailure",
      error: { message: `The email ${second!.email} is already in use`, _type: "Validation" },
    });
    expect(sandbox.agents.map((a) => a.email)).toContain("new@example.org");
  });

  it("end users and queue members follow the same rules", async () => {
    const sandbox = createDixaSandbox();
    const dixa = clientFor(sandbox);
    const [someone] = await dixa.endUsers.list().toArray({ max: 1 });
    const updated = await send(sandbox, "PUT", "/beta/endusers", {
      data: [{ id: someone!.id, displayName: "Ada" }, { id: unknownAgent }],
    });
    expect(updated.body.data.map((o: { _type: string }) => o._type)).toEqual([
      "BulkActionSuccess",
      "BulkActionFailure",
    ]);
    expect(updated.body.data[1].error).toEqual({
      id: unknownAgent,
      message: "End user not found",
      _type: "NotFound",
    });

    const queueId = "0f4a3c9e-59b0-4a4b-9d1e-8c1f2f2d1a00";
    const members = await send(sandbox, "PATCH", `/beta/queues/${queueId}/members`, {
      agentIds: [sandbox.agents[1]!.id, unknownAgent],
    });
    expect(members.body.data).toEqual([
      { data: sandbox.agents[1]!.id, _type: "BulkActionSuccess" },
      {
        error: { id: unknownAgent, message: "User not found", _type: "NotFound" },
        _type: "BulkActionFailure",
      },
    ]);
  });

  it("a bulk body without a list of items is a 400, as Dixa answers a body it cannot read", async () => {
    const answer = await send(createDixaSandbox(), "POST", "/beta/conversations/4711/notes/bulk", {
      notes: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^Invalid value for: body/);
  });
});

describe("paged lists", () => {
  it("serve listSize items over pages of pageLimit, with meta.next carrying the pageKey", async () => {
    const sandbox = createDixaSandbox({ listSize: 5 });
    const pages = [];
    for await (const page of clientFor(sandbox).agents.list({ pageLimit: 2 }).pages()) {
      pages.push(page);
    }
    expect(pages.map((p) => p.items.map((a) => a.displayName))).toEqual([
      ["Agent 0", "Agent 1"],
      ["Agent 2", "Agent 3"],
      ["Agent 4"],
    ]);
    expect(pages[0]!.next).toMatch(/^\/beta\/agents\?pageKey=[A-Za-z0-9%]+$/);
    expect(pages[2]!.next).toBeUndefined();
    // The example agents come first, then copies with sandbox ids.
    const example = (exampleAnswers["GET /beta/agents"]!.body as { data: { id: string }[] }).data;
    expect(sandbox.agents.slice(0, 4).map((a) => a.id)).toEqual(example.map((a) => a.id));
    expect(sandbox.agents[4]).toMatchObject({
      id: sandboxId("agent", 4),
      email: "agent.4@example.org",
    });
    const sent = sandbox.requests.map((r) => r.query);
    expect(sent[0]).toEqual({ pageLimit: "2" });
    expect(sent[1]!["pageKey"]).toEqual(expect.any(String));
  });

  it("keep other query parameters in the links, give previous links, and default to 50", async () => {
    const sandbox = createDixaSandbox({ listSize: 120 });
    const first = await send(sandbox, "GET", "/beta/templates?type=QuickResponse");
    expect(first.body.data).toHaveLength(50);
    const next = first.body.meta.next as string;
    expect(next).toMatch(/^\/beta\/templates\?type=QuickResponse&pageKey=/);
    const second = await send(sandbox, "GET", next);
    expect(second.body.data).toHaveLength(50);
    expect(second.body.meta.previous).toMatch(/^\/beta\/templates\?type=QuickResponse&pageKey=/);
    const third = await send(sandbox, "GET", second.body.meta.next);
    expect(third.body.data).toHaveLength(20);
    expect(third.body.meta.next).toBeUndefined();
    const ids = [...first.body.data, ...second.body.data, ...third.body.data].map(
      (t: { id: string }) => t.id,
    );
    expect(new Set(ids).size).toBe(120);
  });

  it("page POST searches too, and refuse a pageKey they did not hand out", async () => {
    const sandbox = createDixaSandbox({ listSize: 7 });
    const search = await clientFor(sandbox)
      .search.conversations({ query: { value: "refund" } }, { pageLimit: 3 })
      .toArray();
    expect(search).toHaveLength(7);
    const bad = await send(sandbox, "GET", "/beta/agents?pageKey=not-ours");
    expect(bad).toMatchObject({
      status: 400,
      body: { message: "Invalid value for: query parameter pageKey" },
    });
    const zero = await send(sandbox, "GET", "/beta/agents?pageLimit=0");
    expect(zero.status).toBe(400);
  });
});

describe("where no behaviour applies, the spec's example answer (Prism's static mode)", () => {
  it("answers the example, a 401 without a token, 404 and 405 off the spec", async () => {
    const sandbox = createDixaSandbox();
    const organization = await send(sandbox, "GET", "/beta/organization");
    expect(organization.body).toEqual(exampleAnswers["GET /beta/organization"]!.body);
    const noToken = await sandbox.fetch("https://dev.dixa.io/beta/organization");
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get("content-type")).toBe("application/problem+json");
    expect((await send(sandbox, "GET", "/beta/no-such-thing")).status).toBe(404);
    expect((await send(sandbox, "DELETE", "/beta/organization")).status).toBe(405);
    const closed = await send(sandbox, "PUT", "/beta/conversations/4711/close", {});
    expect(closed).toMatchObject({ status: 204, body: undefined });
  });

  it("records every request, with the token redacted, until reset()", async () => {
    const sandbox = createDixaSandbox();
    const dixa = createDixaClient({ apiKey: "secret-token-123", fetch: sandbox.fetch });
    await dixa.notes.create(4711, { message: "kept" });
    expect(sandbox.requests).toEqual([
      {
        method: "POST",
        path: "/beta/conversations/4711/notes",
        query: {},
        operationId: "postConversationsConversationidNotes",
        pathTemplate: "/beta/conversations/{conversationId}/notes",
        headers: expect.objectContaining({ authorization: "[redacted]" }),
        body: { message: "kept" },
        status: 200,
        at: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(sandbox.requests)).not.toContain("secret-token-123");
    expect(sandbox.notes(4711).at(-1)!.message).toBe("kept");
    sandbox.reset();
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.notes(4711)).toHaveLength(2);
  });

  it("refuses bad options with a TypeError naming them", () => {
    expect(() => createDixaSandbox({ listSize: -1 })).toThrow(/`listSize` must be a whole number/);
    expect(() => createDixaSandbox({ defaultPageLimit: 0 })).toThrow(/`defaultPageLimit`/);
    expect(() => createDixaSandbox({ rateLimit: { burst: 0 } })).toThrow(/`rateLimit.burst`/);
    expect(() => createDixaSandbox({ rateLimit: { requestsPerSecond: -1 } })).toThrow(
      /`rateLimit.requestsPerSecond`/,
    );
  });
});
