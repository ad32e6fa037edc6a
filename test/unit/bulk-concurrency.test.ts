/**
 * Bulk calls with `concurrency` above 1: several chunks on their way at once keep every
 * guarantee of one chunk at a time (results indexed by input, nothing lost, a throw only when
 * nothing can have been applied, abort handled). An in-process recorder stands in for Dixa; each
 * chunk's answer is released by the test, so the order answers come in is chosen, not timed.
 */
import { describe, expect, it } from "vitest";
import {
  createDixaClient,
  DixaAbortError,
  DixaApiError,
  DixaNetworkError,
} from "../../src/index.js";

interface Sent {
  /** The messages of the chunk, as sent. */
  messages: string[];
  /** Answers the chunk: an outcome per note, a status for the whole chunk, or a network failure. */
  answer(how?: "ok" | "reject-odd" | number | "network"): void;
}

/** A fetch that records each chunk and answers only when told to (or fails when aborted). */
function recorder() {
  const sent: Sent[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const waiters: (() => void)[] = [];
  const fetch = async (request: Request, init?: { signal?: AbortSignal }): Promise<Response> => {
    const { data } = (await request.json()) as { data: { message: string }[] };
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      return await new Promise<Response>((resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        sent.push({
          messages: data.map((note) => note.message),
          answer: (how = "ok") => {
            if (how === "network") return reject(new TypeError("fetch failed"));
            if (typeof how === "number") {
              return resolve(Response.json({ message: `status ${how}` }, { status: how }));
            }
            const outcomes = data.map((note, i) =>
              how === "reject-odd" && i % 2 === 1
                ? { _type: "BulkActionFailure", error: { message: `no ${note.message}` } }
                : {
                    _type: "BulkActionSuccess",
                    data: { id: `id-${note.message}`, message: note.message },
                  },
            );
            resolve(Response.json({ data: outcomes }));
          },
        });
        waiters.splice(0).forEach((wake) => wake());
      });
    } finally {
      inFlight--;
    }
  };
  /** Resolves once `count` chunks have been sent in all. */
  const sentCount = async (count: number) => {
    while (sent.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { fetch, sent, sentCount, mostInFlight: () => mostInFlight };
}

const notes = (count: number) => Array.from({ length: count }, (_, i) => ({ message: `n${i}` }));

function clientOf(fetch: ReturnType<typeof recorder>["fetch"]) {
  return createDixaClient({
    apiKey: "bulk-concurrency-key",
    fetch,
    rateLimit: false,
    retry: false,
  });
}

describe("bulk calls with concurrency", () => {
  it("keeps several chunks on their way and ties every outcome to its input, whatever order answers come in", async () => {
    const dixa = recorder();
    const call = clientOf(dixa.fetch).notes.createMany(7, notes(10), {
      chunkSize: 2,
      concurrency: 3,
    });
    await dixa.sentCount(3);
    // Only three at once; answered last first.
    expect(dixa.sent.map((chunk) => chunk.messages)).toEqual([
      ["n0", "n1"],
      ["n2", "n3"],
      ["n4", "n5"],
    ]);
    dixa.sent[2]!.answer("reject-odd");
    dixa.sent[1]!.answer();
    await dixa.sentCount(5);
    dixa.sent[4]!.answer();
    dixa.sent[0]!.answer();
    dixa.sent[3]!.answer();
    const result = await call;
    expect(dixa.mostInFlight()).toBe(3);
    expect(result.successes.map((s) => [s.index, s.input.message, s.data.id])).toEqual(
      [0, 1, 2, 3, 4, 6, 7, 8, 9].map((i) => [i, `n${i}`, `id-n${i}`]),
    );
    expect(result.failures).toMatchObject([
      { reason: "rejected", index: 5, input: { message: "n5" }, error: { message: "no n5" } },
    ]);
  });

  it("loses nothing when chunks fail in different ways at once", async () => {
    const dixa = recorder();
    const call = clientOf(dixa.fetch).notes.createMany(7, notes(8), {
      chunkSize: 2,
      concurrency: 4,
    });
    await dixa.sentCount(4);
    dixa.sent[3]!.answer("network");
    dixa.sent[1]!.answer(500);
    dixa.sent[0]!.answer();
    dixa.sent[2]!.answer(422);
    const result = await call;
    const byIndex = new Map<number, string>();
    for (const s of result.successes) byIndex.set(s.index, "success");
    for (const f of result.failures) {
      expect(byIndex.has(f.index), `index ${f.index} twice`).toBe(false);
      byIndex.set(f.index, f.reason === "request-failed" ? f.error.kind : f.reason);
    }
    expect([...byIndex].sort(([a], [b]) => a - b)).toEqual([
      [0, "success"],
      [1, "success"],
      [2, "api"],
      [3, "api"],
      [4, "api"],
      [5, "api"],
      [6, "network"],
      [7, "network"],
    ]);
    const network = result.failures.find((f) => f.index === 6)!;
    expect(network.reason === "request-failed" && network.error).toBeInstanceOf(DixaNetworkError);
  });

  it("throws only when nothing can have been applied, with the first chunk's error in input order", async () => {
    const dixa = recorder();
    const call = clientOf(dixa.fetch).notes.createMany(7, notes(6), {
      chunkSize: 2,
      concurrency: 3,
    });
    await dixa.sentCount(3);
    // The last chunk's refusal comes first; the call still reports the first chunk's.
    dixa.sent[2]!.answer(400);
    dixa.sent[1]!.answer(422);
    dixa.sent[0]!.answer(404);
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DixaApiError);
    expect((error as DixaApiError).status).toBe(404);

    // One chunk applied: no throw, the refusals become failures.
    const again = recorder();
    const mixed = clientOf(again.fetch).notes.createMany(7, notes(4), {
      chunkSize: 2,
      concurrency: 2,
    });
    await again.sentCount(2);
    again.sent[0]!.answer(422);
    again.sent[1]!.answer();
    const result = await mixed;
    expect(result.successes.map((s) => s.index)).toEqual([2, 3]);
    expect(result.failures.map((f) => [f.index, f.reason])).toEqual([
      [0, "request-failed"],
      [1, "request-failed"],
    ]);
  });

  it("after an abort, the chunks on their way and those not yet sent all fail with it, and none is lost", async () => {
    const dixa = recorder();
    const controller = new AbortController();
    const call = clientOf(dixa.fetch).notes.createMany(7, notes(10), {
      chunkSize: 2,
      concurrency: 2,
      signal: controller.signal,
    });
    await dixa.sentCount(2);
    dixa.sent[0]!.answer();
    await dixa.sentCount(3);
    controller.abort();
    // Two chunks were on their way (they may have been applied): the call returns, not throws.
    const result = await call;
    expect(dixa.sent).toHaveLength(3);
    expect(result.successes.map((s) => s.index)).toEqual([0, 1]);
    expect(result.failures.map((f) => f.index)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    for (const failure of result.failures) {
      expect(failure.reason).toBe("request-failed");
      if (failure.reason === "request-failed") {
        expect(failure.error).toBeInstanceOf(DixaAbortError);
      }
    }
  });

  it("aborted before any chunk was sent: throws the abort, as a single call would", async () => {
    const dixa = recorder();
    const call = clientOf(dixa.fetch).notes.createMany(7, notes(6), {
      chunkSize: 2,
      concurrency: 3,
      signal: AbortSignal.abort(),
    });
    await expect(call).rejects.toBeInstanceOf(DixaAbortError);
    expect(dixa.sent).toHaveLength(0);
  });

  it("refuses a concurrency that is not a positive integer before sending anything", async () => {
    const dixa = recorder();
    const client = clientOf(dixa.fetch);
    for (const concurrency of [0, -1, 1.5, "2", Number.NaN]) {
      await expect(
        client.notes.createMany(7, notes(2), { concurrency: concurrency as number }),
      ).rejects.toThrow(/concurrency must be a positive integer/);
    }
    expect(dixa.sent).toHaveLength(0);
  });
});
