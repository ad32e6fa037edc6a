/**
 * Response validation against the in-process sandbox, which serves answers that deviate from
 * Dixa's description on request: each kind of difference is reported with the right pointer in
 * `warn`, thrown in `strict` unless it is additive, and never carries the token or a value.
 */
import { describe, expect, it } from "vitest";
import {
  createDixaClient,
  createDriftRecorder,
  DixaApiError,
  DixaError,
  DixaResponseValidationError,
  type DixaClient,
  type DixaEvent,
  type ResponseMismatch,
  type ValidateResponses,
} from "../../src/index.js";
import {
  createDixaSandbox,
  type DixaSandbox,
  type SandboxDeviation,
} from "../../src/testing/index.js";

const token = "tok-SECRET-4711-do-not-leak";
const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";
const tagId = "b794a74a-625b-4303-8237-9b11668a9605";

function setUp(mode: ValidateResponses, now?: () => number) {
  const sandbox = createDixaSandbox({ rateLimit: false });
  const events: DixaEvent[] = [];
  const drift = createDriftRecorder(now ? { now } : {});
  const dixa = createDixaClient({
    apiKey: token,
    fetch: sandbox.fetch,
    rateLimit: false,
    validateResponses: mode,
    onEvent: (event) => {
      events.push(event);
      drift.record(event);
    },
  });
  const mismatches = () =>
    events.filter(
      (e): e is Extract<DixaEvent, { type: "response-mismatch" }> => e.type === "response-mismatch",
    );
  return { sandbox, dixa, events, mismatches, drift };
}

type Call = (dixa: DixaClient) => Promise<unknown>;
const getAgent: Call = (dixa) => dixa.agents.get(agentId);
const getTag: Call = (dixa) => dixa.tags.get(tagId);
const getQueue: Call = (dixa) => dixa.queues.get("2b7c3b5e-8b9f-4c1e-9d3a-6f0e1a2b3c4d");
const listAgents: Call = async (dixa) => {
  const all = [];
  for await (const agent of dixa.agents.list()) all.push(agent);
  return all;
};

interface Case {
  name: string;
  call: Call;
  path: string;
  deviate: SandboxDeviation[];
  /** Values that must never show in an event or an error. */
  secrets: string[];
  expected: Pick<ResponseMismatch, "pointer" | "kind" | "expected" | "received" | "breaking">;
}

const cases: Case[] = [
  {
    name: "a missing required field",
    call: getAgent,
    path: "/beta/agents/{agentId}",
    deviate: [{ at: "/data/email", remove: true }],
    secrets: [],
    expected: {
      pointer: "/data/email",
      kind: "missing",
      expected: "string",
      received: "nothing",
      breaking: true,
    },
  },
  {
    name: "a wrong type",
    call: getAgent,
    path: "/beta/agents/{agentId}",
    deviate: [{ at: "/data/displayName", set: 4242424242 }],
    secrets: ["4242424242"],
    expected: {
      pointer: "/data/displayName",
      kind: "type",
      expected: "string",
      received: "integer",
      breaking: true,
    },
  },
  {
    name: "a wrong format",
    call: getAgent,
    path: "/beta/agents/{agentId}",
    deviate: [{ at: "/data/createdAt", set: "yesterday at SECRET o'clock" }],
    secrets: ["SECRET o'clock"],
    expected: {
      pointer: "/data/createdAt",
      kind: "format",
      expected: "string (date-time)",
      received: "string, not a date-time",
      breaking: true,
    },
  },
  {
    name: "a null where the description forbids it",
    call: getAgent,
    path: "/beta/agents/{agentId}",
    deviate: [{ at: "/data/email", set: null }],
    secrets: [],
    expected: {
      pointer: "/data/email",
      kind: "type",
      expected: "string",
      received: "null",
      breaking: true,
    },
  },
  {
    // Inside the answer: an array as the whole `data` is a malformed envelope, thrown in any mode.
    name: "an array where an object is described",
    call: getQueue,
    path: "/beta/queues/{queueId}",
    deviate: [{ at: "/data/usages", set: [{ email: "jane.secret@example.com" }] }],
    secrets: ["jane.secret@example.com"],
    expected: {
      pointer: "/data/usages",
      kind: "type",
      expected: "object (QueueUsages)",
      received: "array",
      breaking: true,
    },
  },
  {
    name: "an unknown enum value",
    call: getTag,
    path: "/beta/tags/{tagId}",
    deviate: [{ at: "/data/state", set: "ArchivedSECRET" }],
    secrets: ["ArchivedSECRET"],
    expected: {
      pointer: "/data/state",
      kind: "enum",
      expected: 'one of "Active", "Inactive"',
      received: "a string not in the list",
      breaking: false,
    },
  },
  {
    name: "a field the description does not declare",
    call: getAgent,
    path: "/beta/agents/{agentId}",
    deviate: [{ at: "/data/favouriteColour", set: "SECRET-teal" }],
    secrets: ["SECRET-teal"],
    expected: {
      pointer: "/data/favouriteColour",
      kind: "unknown-field",
      expected: "no such field",
      received: "string",
      breaking: false,
    },
  },
  {
    name: "a wrong format in one item of a page",
    call: listAgents,
    path: "/beta/agents",
    deviate: [{ at: "/data/2/id", set: "SECRET-not-a-uuid" }],
    secrets: ["SECRET-not-a-uuid"],
    expected: {
      pointer: "/data/2/id",
      kind: "format",
      expected: "string (UUID)",
      received: "string, not a UUID",
      breaking: true,
    },
  },
];

function expectNothingLeaks(what: unknown, secrets: readonly string[]) {
  const text = JSON.stringify(what, (_key, value) =>
    value instanceof Error ? { ...value, message: value.message, name: value.name } : value,
  );
  for (const secret of [token, ...secrets]) expect(text).not.toContain(secret);
}

describe.each(cases)("$name", ({ call, path, deviate, secrets, expected }) => {
  it("is reported in warn with its pointer, and the call still resolves", async () => {
    const { sandbox, dixa, mismatches } = setUp("warn");
    sandbox.faults.next({ path, deviate });
    await expect(call(dixa)).resolves.toBeDefined();
    expect(mismatches()).toEqual([expect.objectContaining({ ...expected, status: 200 })]);
    expectNothingLeaks(mismatches(), secrets);
  });

  it(
    expected.breaking ? "throws in strict, once, without a retry" : "is tolerated in strict",
    async () => {
      const { sandbox, dixa, mismatches } = setUp("strict");
      sandbox.faults.next({ path, deviate });
      const outcome = await call(dixa).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(mismatches()).toEqual([expect.objectContaining(expected)]);
      if (!expected.breaking) return expect(outcome).toBeUndefined();
      expect(outcome).toBeInstanceOf(DixaResponseValidationError);
      expect(outcome).toBeInstanceOf(DixaError);
      const error = outcome as DixaResponseValidationError;
      expect(error.kind).toBe("response-validation");
      expect(error.mismatches).toEqual([expect.objectContaining(expected)]);
      expect(error.message).toContain(
        `${expected.pointer}: expected ${expected.expected}, got ${expected.received}`,
      );
      // Strict mode does not retry: the mismatching answer was asked for once.
      expect(sandbox.requests.filter((r) => r.pathTemplate === path)).toHaveLength(1);
      expectNothingLeaks([error, error.message, error.stack], secrets);
    },
  );
});

describe("choosing the mode", () => {
  it("a call's own mode wins over the client's", async () => {
    const { sandbox, dixa } = setUp("warn");
    sandbox.faults.next({ path: "/beta/agents/{agentId}", deviate: [{ at: "/data/id", set: 1 }] });
    await expect(dixa.agents.get(agentId, { validateResponses: "strict" })).rejects.toThrow(
      DixaResponseValidationError,
    );
    const strict = setUp("strict");
    strict.sandbox.faults.next({
      path: "/beta/agents/{agentId}",
      deviate: [{ at: "/data/id", set: 1 }],
    });
    await expect(
      strict.dixa.agents.get(agentId, { validateResponses: "off" }),
    ).resolves.toBeDefined();
    expect(strict.mismatches()).toEqual([]);
  });

  it("off by default: a deviating answer is returned as it came", async () => {
    const sandbox = createDixaSandbox({ rateLimit: false });
    const events: DixaEvent[] = [];
    const dixa = createDixaClient({
      apiKey: token,
      fetch: sandbox.fetch,
      onEvent: (e) => events.push(e),
    });
    sandbox.faults.next({ path: "/beta/agents/{agentId}", deviate: [{ at: "/data/id", set: 1 }] });
    await expect(dixa.agents.get(agentId)).resolves.toMatchObject({ id: 1 });
    expect(events.map((e) => e.type)).not.toContain("response-mismatch");
  });

  it.each([
    [
      { validateResponses: "loud" },
      /`validateResponses` must be one of "off", "warn", "strict", got "loud"/,
    ],
    [{ validateResponses: "warn" }, /"warn" reports to onEvent: give the client one/],
  ])("refuses %j at construction", (options, message) => {
    expect(() => createDixaClient({ apiKey: token, ...(options as object) })).toThrow(message);
  });

  it("refuses a per-call warn when the client has no onEvent, before sending", async () => {
    const sandbox = createDixaSandbox({ rateLimit: false });
    const dixa = createDixaClient({ apiKey: token, fetch: sandbox.fetch });
    await expect(dixa.agents.get(agentId, { validateResponses: "warn" })).rejects.toThrow(
      /options\.validateResponses "warn" reports to onEvent: give the client one/,
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it("leaves error answers to DixaApiError", async () => {
    const { sandbox, dixa, mismatches } = setUp("strict");
    sandbox.faults.next({ path: "/beta/agents/{agentId}", status: 404 });
    await expect(dixa.agents.get(agentId)).rejects.toBeInstanceOf(DixaApiError);
    expect(mismatches()).toEqual([]);
  });

  it("finds nothing in the sandbox's own answers, which follow the description", async () => {
    const { dixa, mismatches } = setUp("strict");
    await listAgents(dixa);
    await getAgent(dixa);
    await getTag(dixa);
    await dixa.notes.create(4711, { message: "a note" });
    expect(mismatches()).toEqual([]);
  });
});

describe("the drift recorder", () => {
  it("counts one row per operation and pointer across pages and calls, with first and last seen", async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    const { sandbox, dixa, drift } = setUp("warn", () => clock);
    sandbox.faults.next({ path: "/beta/agents", deviate: [{ at: "/data/*/email", remove: true }] });
    await listAgents(dixa);
    clock += 60_000;
    sandbox.faults.next({ path: "/beta/agents", deviate: [{ at: "/data/0/email", remove: true }] });
    await listAgents(dixa);
    const rows = drift.rows();
    expect(rows).toEqual([
      expect.objectContaining({
        operationId: "getAgents",
        pointer: "/data/*/email",
        kind: "missing",
        count: 7,
        statuses: [200],
        firstSeen: new Date(Date.UTC(2026, 0, 5, 9, 0, 0)),
        lastSeen: new Date(Date.UTC(2026, 0, 5, 9, 1, 0)),
        schema: "#/components/schemas/Agent/properties/email",
      }),
    ]);
    const table = drift.table();
    expect(table).toContain("getAgents");
    expect(table).toMatch(
      /\/data\/\*\/email\s+missing\s+string\s+nothing\s+7\s+2026-01-05T09:00:00\.000Z\s+2026-01-05T09:01:00\.000Z\s+#\/components\/schemas\/Agent\/properties\/email/,
    );
    expectNothingLeaks(table, ["@"]);
  });

  it("ignores other events and keeps at most maxRows rows", () => {
    const drift = createDriftRecorder({ maxRows: 1 });
    const base = { callId: 1, method: "GET", pathTemplate: "/beta/tags" } as const;
    drift.record({ ...base, type: "call-start", url: "https://dev.dixa.io/beta/tags" });
    const mismatch = {
      operationId: "getTags",
      status: 200,
      kind: "missing",
      expected: "string",
      received: "nothing",
      breaking: true,
      schema: "#/x",
    } as const;
    drift.record({ ...base, type: "response-mismatch", ...mismatch, pointer: "/data/0/a" });
    drift.record({ ...base, type: "response-mismatch", ...mismatch, pointer: "/data/0/b" });
    expect(drift.rows().map((row) => row.pointer)).toEqual(["/data/*/a"]);
    expect(drift.dropped).toBe(1);
  });
});

describe("sandbox deviations", () => {
  it("answers 500 naming the pointer when a deviation reaches nothing", async () => {
    const { sandbox, dixa } = setUp("off");
    sandbox.faults.next({
      path: "/beta/agents/{agentId}",
      deviate: [{ at: "/data/nothing/here", set: 1 }],
    });
    await expect(dixa.agents.get(agentId, { retry: false })).rejects.toThrow(
      /deviate: nothing in this answer at \/data\/nothing\/here/,
    );
  });

  it.each([
    [{ deviate: [] }, /deviate must be a non-empty list/],
    [{ deviate: [{ at: "data", set: 1 }] }, /deviate\[0\]\.at must be a JSON pointer/],
    [{ deviate: [{ at: "/data", set: 1, remove: true }] }, /needs exactly one of set and remove/],
    [{ deviate: [{ at: "/data", remove: true }], status: 500 }, /deviate changes a success answer/],
  ])("refuses %j", (fault, message) => {
    const sandbox: DixaSandbox = createDixaSandbox();
    expect(() => sandbox.faults.next(fault as never)).toThrow(message);
  });
});

describe("client.raw obeys validateResponses", () => {
  const path = "/beta/agents/{agentId}";
  const deviate: SandboxDeviation[] = [{ at: "/data/id", set: 1 }];
  const params = { params: { path: { agentId } } };
  const breaking = { pointer: "/data/id", kind: "type", breaking: true };

  it("warn reports each difference as the facade does, and returns the answer", async () => {
    const { sandbox, dixa, mismatches } = setUp("warn");
    sandbox.faults.next({ path, deviate });
    const { data } = await dixa.raw.GET(path, params);
    expect(data).toMatchObject({ data: { id: 1 } });
    expect(mismatches()).toEqual([
      expect.objectContaining({ ...breaking, operationId: "getAgentsAgentid", pathTemplate: path }),
    ]);
    expectNothingLeaks(mismatches(), []);
  });

  it("strict rejects the raw call with a DixaResponseValidationError", async () => {
    const { sandbox, dixa } = setUp("strict");
    sandbox.faults.next({ path, deviate });
    const error = await dixa.raw.GET(path, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaResponseValidationError);
    expect((error as DixaResponseValidationError).mismatches).toEqual([
      expect.objectContaining(breaking),
    ]);
    expectNothingLeaks([error, (error as Error).stack], []);
  });

  it("a raw call's own validateResponses (in its init) wins over the client's", async () => {
    const { sandbox, dixa, mismatches } = setUp("off");
    sandbox.faults.next({ path, deviate });
    const strictInit = { ...params, validateResponses: "strict" as const };
    await expect(dixa.raw.GET(path, strictInit)).rejects.toThrow(DixaResponseValidationError);
    const warnClient = setUp("strict");
    warnClient.sandbox.faults.next({ path, deviate });
    const offInit = { ...params, validateResponses: "off" as const };
    await expect(warnClient.dixa.raw.GET(path, offInit)).resolves.toMatchObject({
      data: { data: { id: 1 } },
    });
    expect(warnClient.mismatches()).toEqual([]);
    expect(mismatches()).toEqual([expect.objectContaining(breaking)]);
  });

  it("an error answer is not checked (it comes back as `error`)", async () => {
    const { sandbox, dixa, mismatches } = setUp("strict");
    sandbox.faults.next({ path, status: 404 });
    const { error } = await dixa.raw.GET(path, params);
    expect(error).toBeDefined();
    expect(mismatches()).toEqual([]);
  });

  it("a bad mode in a raw call's init is refused before anything is sent", async () => {
    const { sandbox, dixa } = setUp("off");
    const init = { ...params, validateResponses: "loud" as never };
    await expect(dixa.raw.GET(path, init)).rejects.toThrow(
      'options.validateResponses must be one of "off", "warn", "strict", got "loud"',
    );
    expect(sandbox.requests).toEqual([]);
  });
});
