import { afterEach, describe, expect, it } from "vitest";
import { DixaApiError, DixaBulkResponseError, isDixaApiError } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor, testApiKey } from "../support/test-client.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const created = (message: string, i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  authorId: "5e8a300e-787e-47cd-af53-fc1ccc37933d",
  createdAt: "2021-12-01T12:46:36.581Z[GMT]",
  csid: 4711,
  message,
});

describe("notes", () => {
  it("create sends the note with the token as is and unwraps { data }", async () => {
    server = await startLoopbackServer((request, response) => {
      sendJson(response, 200, { data: created(JSON.parse(request.body).message, 1) });
    });
    const note = await clientFor(server, { userAgent: "my-app/2" }).notes.create(4711, {
      message: "Called back",
    });
    expect(note).toEqual(created("Called back", 1));
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", url: "/beta/conversations/4711/notes" });
    expect(request!.headers["authorization"]).toBe(testApiKey);
    expect(request!.headers["user-agent"]).toMatch(/^dixa-beta-ts\/\d+\.\d+\.\d+ my-app\/2$/);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ message: "Called back" });
  });

  it("list returns the notes array", async () => {
    server = await startLoopbackServer((_request, response) => {
      sendJson(response, 200, { data: [created("a", 1), created("b", 2)] });
    });
    const notes = await clientFor(server).notes.list(4711);
    expect(notes.map((n) => n.message)).toEqual(["a", "b"]);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/beta/conversations/4711/notes",
    });
  });

  it("createMany splits successes and failures by input position", async () => {
    server = await startLoopbackServer((request, response) => {
      const { data } = JSON.parse(request.body) as { data: Array<{ message: string }> };
      sendJson(response, 200, {
        data: data.map((input, i) =>
          input.message.startsWith("bad")
            ? {
                _type: "BulkActionFailure",
                error: { _type: "Validation", message: `rejected ${input.message}` },
              }
            : { _type: "BulkActionSuccess", data: created(input.message, i) },
        ),
      });
    });
    const notes = [{ message: "ok 0" }, { message: "bad 1" }, { message: "ok 2" }];
    const result = await clientFor(server).notes.createMany(4711, notes);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe("/beta/conversations/4711/notes/bulk");
    expect(result.successes.map((s) => [s.index, s.input, s.data.message])).toEqual([
      [0, notes[0], "ok 0"],
      [2, notes[2], "ok 2"],
    ]);
    expect(result.failures).toEqual([
      {
        reason: "rejected",
        index: 1,
        input: notes[1],
        error: { _type: "Validation", message: "rejected bad 1" },
      },
    ]);
  });

  it("createMany with chunks keeps caller indexes and turns a failed chunk into failures", async () => {
    let call = 0;
    server = await startLoopbackServer((request, response) => {
      call++;
      const { data } = JSON.parse(request.body) as { data: Array<{ message: string }> };
      if (call === 2) return sendJson(response, 500, { message: "database unavailable" });
      sendJson(response, 200, {
        data: data.map((input, i) => ({ data: created(input.message, i) })),
      });
    });
    const notes = Array.from({ length: 7 }, (_, i) => ({ message: `note ${i}` }));
    const result = await clientFor(server).notes.createMany(4711, notes, { chunkSize: 3 });
    expect(server.requests.map((r) => JSON.parse(r.body).data.length)).toEqual([3, 3, 1]);
    expect(result.successes.map((s) => s.index)).toEqual([0, 1, 2, 6]);
    expect(result.successes.map((s) => s.input)).toEqual([notes[0], notes[1], notes[2], notes[6]]);
    expect(result.failures.map((f) => f.index)).toEqual([3, 4, 5]);
    for (const failure of result.failures) {
      expect(failure.input).toBe(notes[failure.index]);
      expect(isDixaApiError(failure.error)).toBe(true);
      expect(failure.error).toMatchObject({ status: 500, serverMessage: "database unavailable" });
    }
    expect(result.successes.length + result.failures.length).toBe(notes.length);
  });

  it("createMany turns an answer with too few outcomes into failures that keep the raw outcomes", async () => {
    server = await startLoopbackServer((_request, response) => {
      sendJson(response, 200, { data: [{ data: created("only one", 0) }] });
    });
    const notes = [{ message: "a" }, { message: "b" }];
    const result = await clientFor(server).notes.createMany(4711, notes);
    expect(result.successes).toEqual([]);
    expect(result.failures.map((f) => f.index)).toEqual([0, 1]);
    const error = result.failures[0]!.error as DixaBulkResponseError;
    expect(error).toBeInstanceOf(DixaBulkResponseError);
    expect(error.outcomes).toEqual([{ data: created("only one", 0) }]);
  });

  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: ReturnType<typeof clientFor>) => Promise<unknown>, RegExp]> = [
      [
        "a string conversation id",
        (c) => c.notes.list("4711" as unknown as number),
        /conversationId must be a positive safe integer.*got "4711" \(a string\); pass a number/,
      ],
      [
        "a fractional conversation id",
        (c) => c.notes.list(1.5),
        /conversationId must be a positive safe integer/,
      ],
      [
        "a negative conversation id",
        (c) => c.notes.create(-1, { message: "x" }),
        /conversationId must be a positive safe integer/,
      ],
      [
        "an unsafe conversation id",
        (c) => c.notes.list(2 ** 53),
        /conversationId must be a positive safe integer/,
      ],
      [
        "an empty message",
        (c) => c.notes.create(1, { message: "  " }),
        /note\.message must be a non-empty string/,
      ],
      [
        "a note that is not an object",
        (c) => c.notes.create(1, null as never),
        /note must be an object/,
      ],
      ["an empty bulk", (c) => c.notes.createMany(1, []), /notes must be a non-empty array/],
      [
        "a bulk that is not an array",
        (c) => c.notes.createMany(1, "x" as never),
        /notes must be a non-empty array/,
      ],
      [
        "one bad item in a bulk",
        (c) => c.notes.createMany(1, [{ message: "ok" }, { message: "" }]),
        /notes\[1\]\.message must be a non-empty string/,
      ],
      [
        "a zero chunk size",
        (c) => c.notes.createMany(1, [{ message: "ok" }], { chunkSize: 0 }),
        /chunkSize must be a positive integer/,
      ],
    ];
    it.each(cases)("%s", (name, call, message) =>
      expectRefusedBeforeSending([name, "async", call, message]),
    );
  });

  it("a 404 becomes a DixaApiError naming the operation and the path sent", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 404, { message: "Conversation 4711 not found" }),
    );
    const error = await clientFor(server)
      .notes.list(4711)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaApiError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      pathTemplate: "/beta/conversations/{conversationId}/notes",
      path: "/beta/conversations/4711/notes",
      serverMessage: "Conversation 4711 not found",
      body: { message: "Conversation 4711 not found" },
    });
    expect((error as Error).message).toBe(
      "Dixa answered 404 to GET /beta/conversations/4711/notes: Conversation 4711 not found",
    );
  });
});
