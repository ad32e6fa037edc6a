/**
 * Response validation whose lazily loaded checker cannot be loaded (the chunk a deploy or a
 * bundler left out): the import is made to fail here, and every mode is tried. `strict` fails
 * the call with a DixaError naming the problem, `warn` reports it through onEvent and returns
 * the answer, `off` never tries to load it; nothing hangs or goes unhandled, and the token never
 * shows.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createDixaClient,
  DixaError,
  type DixaEvent,
  type ValidateResponses,
} from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";

// The injected failing loader: importing the checker's module rejects, as a missing chunk does.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/validation/report-answer.js", () => {
  loads.count++;
  throw new Error("Cannot find module './chunks/report-answer.js'");
});

const token = "tok-SECRET-4711-do-not-leak";
const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";

function setUp(mode: ValidateResponses) {
  const sandbox = createDixaSandbox({ rateLimit: false });
  const events: DixaEvent[] = [];
  const dixa = createDixaClient({
    apiKey: token,
    fetch: sandbox.fetch,
    rateLimit: false,
    validateResponses: mode,
    onEvent: (event) => events.push(event),
  });
  return { dixa, events };
}

const unavailable = (events: DixaEvent[]) =>
  events.filter((e) => e.type === "response-validation-unavailable");

describe("response validation whose checker cannot be loaded", () => {
  afterEach(() => {
    loads.count = 0;
  });

  it("strict: the call fails with a DixaError that names the problem", async () => {
    const { dixa } = setUp("strict");
    const error = await dixa.agents.get(agentId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaError);
    expect(error).toMatchObject({ kind: "unexpected" });
    const message = (error as DixaError).message;
    expect(message).toContain("GET /beta/agents/{agentId}");

    expect(message).toContain("response validation could not load its checker");
    expect(message).not.toContain(token);
    expect((error as DixaError).cause).toBeInstanceOf(Error);
  });

  it("warn: reports the problem through onEvent and returns the answer unchecked", async () => {
    const { dixa, events } = setUp("warn");
    const agent = await dixa.agents.get(agentId);
    expect(agent).toMatchObject({ id: expect.any(String) });
    const [event, ...more] = unavailable(events);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: "response-validation-unavailable",
      method: "GET",
      pathTemplate: "/beta/agents/{agentId}",
      message: expect.stringContaining("response validation could not load its checker"),
    });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("a per-call mode decides, and off never loads the checker", async () => {
    const { dixa, events } = setUp("off");
    await expect(dixa.agents.get(agentId)).resolves.toBeDefined();
    expect(loads.count).toBe(0);
    await expect(dixa.agents.get(agentId, { validateResponses: "strict" })).rejects.toThrow(
      "response validation could not load its checker",
    );
    await expect(dixa.agents.get(agentId, { validateResponses: "warn" })).resolves.toBeDefined();
    expect(unavailable(events)).toHaveLength(1);
  });

  it("client.raw: strict rejects the call, warn returns the answer", async () => {
    const strict = setUp("strict").dixa;
    const params = { params: { path: { agentId } } };
    await expect(strict.raw.GET("/beta/agents/{agentId}", params)).rejects.toBeInstanceOf(
      DixaError,
    );
    const { dixa, events } = setUp("warn");
    const { data } = await dixa.raw.GET("/beta/agents/{agentId}", params);
    expect(data).toMatchObject({ data: { id: expect.any(String) } });
    expect(unavailable(events)).toHaveLength(1);
  });
});
