/**
 * A bulk call never both changes data at Dixa and throws without reporting it (issue 11.7), and
 * tells "Dixa refused these items" from "the request never worked" (issue 11.8).
 */
import { describe, expect, it } from "vitest";
import { DixaApiError, createDixaClient } from "../../src/index.js";
import { sendJson, startLoopbackServer, type Handler } from "../support/loopback-server.js";

const queueId = "3d0b1c5e-9b7e-4c52-9f36-1f5a0f9d2c10";
const agentIds = Array.from(
  { length: 25 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
);

/** One success outcome per note sent, echoing its message. */
const createsEveryNote: Handler = (request, response) => {
  const { data } = JSON.parse(request.body) as { data: Array<{ message: string }> };
  sendJson(response, 200, {
    data: data.map((note, i) => ({
      _type: "BulkActionSuccess",
      data: { id: `note-${i}`, message: note.message },
    })),
  });
};

async function withServer<T>(
  handler: Handler,
  run: (url: string, count: () => number) => Promise<T>,
) {
  const server = await startLoopbackServer(handler);
  try {
    return await run(server.url, () => server.requests.length);
  } finally {
    await server.close();
  }
}

function client(baseUrl: string, extra: object = {}) {
  return createDixaClient({ apiKey: "bulk-key", baseUrl, rateLimit: false, ...extra });
}

describe("bulk calls: nothing lost", () => {
  it("an item that cannot be serialised is a TypeError before any chunk is sent", async () => {
    await withServer(createsEveryNote, async (url, requests) => {
      const notes = [{ message: "a1" }, { message: "a2" }, { message: "b", extra: 10n }];
      const call = client(url).notes.createMany(1, notes as never, { chunkSize: 2 });
      await expect(call).rejects.toThrow(TypeError);
      await expect(
        client(url).notes.createMany(1, notes as never, { chunkSize: 2 }),
      ).rejects.toThrow(
        /POST \/beta\/conversations\/\{conversationId\}\/notes\/bulk: the request body cannot be sent as JSON/,
      );
      expect(requests()).toBe(0);
    });
  });

  it("a chunk whose request fails after another was applied becomes failures, never a throw", async () => {
    let count = 0;
    const handler: Handler = (request, response, raw) => {
      if (count++ === 1) return sendJson(response, 500, { message: "boom" });
      return createsEveryNote(request, response, raw);
    };
    await withServer(handler, async (url, requests) => {
      const notes = Array.from({ length: 5 }, (_, i) => ({ message: `n${i}` }));
      const result = await client(url).notes.createMany(1, notes, { chunkSize: 2 });
      expect(requests()).toBe(3);
      expect(result.successes.map((s) => s.index)).toEqual([0, 1, 4]);
      expect(result.failures.map((f) => [f.index, f.reason])).toEqual([
        [2, "request-failed"],
        [3, "request-failed"],
      ]);
      const failure = result.failures[0]!;
      if (failure.reason !== "request-failed") throw new Error("unreachable");
      expect(failure.error).toBeInstanceOf(DixaApiError);
      expect(failure.error.name).toBe("DixaApiError");
    });
  });

  // A throwing event hook used to fail the chunks after it here; it no longer touches the call
  // (test/faults/throwing-event-hook.test.ts runs that case in a process of its own).

  it("when every chunk is refused whole (401), nothing was applied and the call throws", async () => {
    await withServer(
      (_request, response) => sendJson(response, 401, { message: "Unauthorized" }),
      async (url, requests) => {
        const notes = Array.from({ length: 4 }, (_, i) => ({ message: `n${i}` }));
        const error = await client(url)
          .notes.createMany(1, notes, { chunkSize: 2 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DixaApiError);
        expect(error).toMatchObject({ status: 401 });
        expect(requests()).toBe(2);
      },
    );
  });

  it("when every chunk fails with an outcome unknown (503 on a POST), it resolves with every item failed", async () => {
    await withServer(
      (_request, response) => sendJson(response, 503, { message: "Unavailable" }),
      async (url) => {
        const notes = Array.from({ length: 3 }, (_, i) => ({ message: `n${i}` }));
        const result = await client(url).notes.createMany(1, notes, { chunkSize: 2 });
        expect(result.successes).toEqual([]);
        expect(result.failures.map((f) => [f.index, f.reason])).toEqual([
          [0, "request-failed"],
          [1, "request-failed"],
          [2, "request-failed"],
        ]);
      },
    );
  });

  it("Dixa's per-item refusals are `rejected` failures carrying Dixa's error", async () => {
    await withServer(
      (_request, response) =>
        sendJson(response, 200, {
          data: [
            { _type: "BulkActionSuccess", data: { id: "n0", message: "ok" } },
            { _type: "BulkActionFailure", error: { _type: "Validation", message: "too long" } },
          ],
        }),
      async (url) => {
        const result = await client(url).notes.createMany(1, [{ message: "ok" }, { message: "x" }]);
        expect(result.failures).toEqual([
          {
            reason: "rejected",
            index: 1,
            input: { message: "x" },
            error: { _type: "Validation", message: "too long" },
          },
        ]);
      },
    );
  });
});

describe("queue members go at most 10 per call, as Dixa documents", () => {
  it("25 agents are added in three calls of 10, 10 and 5", async () => {
    await withServer(
      (request, response) => {
        const { agentIds: ids } = JSON.parse(request.body) as { agentIds: string[] };
        sendJson(response, 200, {
          data: ids.map((id) => ({ _type: "BulkActionSuccess", data: id })),
        });
      },
      async (url, requests) => {
        const result = await client(url).queues.addMembers(queueId, { agentIds });
        expect(requests()).toBe(3);
        expect(result.successes.map((s) => s.input)).toEqual(agentIds);
        expect(result.failures).toEqual([]);
      },
    );
  });

  it("a chunkSize over 10 is a TypeError before sending", async () => {
    await withServer(createsEveryNote, async (url, requests) => {
      await expect(
        client(url).queues.addMembers(queueId, { agentIds }, { chunkSize: 11 }),
      ).rejects.toThrow(/chunkSize must be at most 10, Dixa's limit per request/);
      expect(requests()).toBe(0);
    });
  });
});
