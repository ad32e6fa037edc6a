import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

const uuid = /^[0-9a-f-]{36}$/;

describe("notes against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    const notes = await client.notes.list(7392);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note).toMatchObject({
        id: expect.stringMatching(uuid),
        csid: expect.any(Number),
        message: expect.any(String),
      });
    }
  });

  it("create", async () => {
    const note = await client.notes.create(9456, {
      message: "A sample note",
      agentId: "a53b25da-f676-4c52-acac-58c9280aa23d",
      createdAt: "2021-12-01T12:46:36.581Z",
    });
    expect(note).toEqual(exampleData("postConversationsConversationidNotes"));
  });

  it("createMany (Prism's example answers one success and one failure for two notes)", async () => {
    const notes = [
      { message: "first" },
      { message: "second", agentId: "a53b25da-f676-4c52-acac-58c9280aa23d" },
    ];
    const result = await client.notes.createMany(9456, notes);
    expect(result.successes).toHaveLength(1);
    expect(result.failures).toHaveLength(1);
    expect(result.successes[0]).toMatchObject({
      index: 0,
      input: notes[0],
      data: { id: expect.stringMatching(uuid) },
    });
    expect(result.failures[0]).toMatchObject({
      index: 1,
      input: notes[1],
      error: { message: expect.any(String) },
    });
  });

  it("a request that breaks the spec is refused by Prism", async () => {
    // Bypass the facade's own validation through raw to prove Prism is checking.
    const invalid = {
      params: { path: { conversationId: 1 } },
      body: { agentId: "not-a-uuid" } as never,
    };
    await expect(
      client.raw.POST("/beta/conversations/{conversationId}/notes", invalid),
    ).rejects.toThrow(
      /Prism rejected POST \/beta\/conversations\/1\/notes: Request body must have required property 'message'/,
    );
    const plain = prismClient({ fetch: (request) => fetch(request) });
    const { error, response } = await plain.raw.POST(
      "/beta/conversations/{conversationId}/notes",
      invalid,
    );
    expect(response.status).toBe(400);
    expect(error).toEqual({ message: expect.any(String) });
    // The facade checks what the spec says first, so the same mistake never leaves the client.
    await expect(plain.notes.create(1, { message: "x", agentId: "not-a-uuid" })).rejects.toThrow(
      /note\.agentId must be a UUID string/,
    );
  });
});

describe("client.raw against Prism", () => {
  it("makes a typed call with the client's middleware", async () => {
    const { data, error } = await prismClient().raw.GET("/beta/agents/{agentId}", {
      params: { path: { agentId: "93b885ad-fe0d-3089-8df6-34904fd59f71" } },
    });
    expect(error).toBeUndefined();
    expect(data?.data.id).toMatch(uuid);
    expect(data?.data.displayName).toEqual(expect.any(String));
  });

  it("Prism rejects a call without the token, so the middleware is what adds it", async () => {
    const response = await fetch(
      `${prismClient() && (await import("vitest")).inject("prismUrl")}/beta/agents`,
    );
    expect(response.status).toBe(401);
  });
});
