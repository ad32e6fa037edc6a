import { invalidBody, type Answer } from "./answer.js";
import { makeNote } from "./notes.js";
import { isRecord } from "./sandbox-data.js";
import type { SandboxAgent, SandboxEndUser, SandboxState } from "./sandbox-state.js";

/** One input's fate, shaped as Dixa's bulk answers are (`_type` as in the spec's examples). */
type Outcome =
  | { data: unknown; _type: "BulkActionSuccess" }
  | { error: Record<string, unknown>; _type: "BulkActionFailure" };

const success = (data: unknown): Outcome => ({ data, _type: "BulkActionSuccess" });
const failure = (error: Record<string, unknown>): Outcome => ({
  error,
  _type: "BulkActionFailure",
});

interface BulkRule {
  /** The list of inputs in the request body, or undefined when the body has none. */
  inputs(body: unknown): unknown[] | undefined;
  /**
   * What makes an input unreadable (a field of the wrong type), or undefined. Dixa decodes the
   * whole body before it looks at any item, so one such input refuses the request with a 400.
   */
  unreadable(input: unknown): string | undefined;
  outcome(input: unknown, context: BulkContext): Outcome;
}

interface BulkContext {
  state: SandboxState;
  params: Record<string, string>;
  now: number;
}

const listIn = (body: unknown) => (Array.isArray(body) ? body : undefined);
const dataIn = (body: unknown) =>
  isRecord(body) && Array.isArray(body["data"]) ? body["data"] : undefined;
/** The first of `fields` an input has that is not a string (the fields the rules read). */
const stringFields =
  (...fields: string[]) =>
  (input: unknown): string | undefined => {
    const field = isRecord(input)
      ? fields.find((name) => input[name] !== undefined && typeof input[name] !== "string")
      : undefined;
    return field === undefined ? undefined : `${field} must be a string`;
  };

/**
 * The rules that decide each input's outcome, per bulk operation. They are the sandbox's own,
 * simple and documented in the README, so that a run shows successes and failures tied to the
 * inputs that caused them:
 * - notes: an `agentId` that is not a sandbox agent fails ("An agent with id:... cannot be found");
 * - agent and end-user updates: an `id` that is not a sandbox agent / end user fails (NotFound);
 * - agent and end-user creation: an `email` already taken fails (Validation);
 * - queue members: an agent id that is not a sandbox agent fails (NotFound "User not found").
 * Successes change the sandbox: notes are listed afterwards, agents and end users are created
 * or updated in its lists.
 */
const rules: Record<string, BulkRule> = {
  "POST /beta/conversations/{conversationId}/notes/bulk": {
    inputs: dataIn,
    unreadable: stringFields("agentId"),
    outcome(input, { state, params, now }) {
      const made = makeNote(state, Number(params["conversationId"]), input, now);
      return "note" in made ? success(made.note) : failure(made.refusal);
    },
  },
  "PUT /beta/agents": {
    inputs: listIn,
    unreadable: stringFields("id"),
    outcome: (input, c) => update(c.state.agents, input, "Agent"),
  },
  "PATCH /beta/agents": {
    inputs: listIn,
    unreadable: stringFields("id"),
    outcome: (input, c) => update(c.state.agents, input, "Agent"),
  },
  "POST /beta/agents/bulk": {
    inputs: dataIn,
    unreadable: stringFields("email"),
    outcome: (input, c) => create(c, c.state.agents, input, "agent", { roles: ["Agent"] }),
  },
  "PUT /beta/endusers": {
    inputs: dataIn,
    unreadable: stringFields("id"),
    outcome: (input, c) => update(c.state.endUsers, input, "End user"),
  },
  "PATCH /beta/endusers": {
    inputs: dataIn,
    unreadable: stringFields("id"),
    outcome: (input, c) => update(c.state.endUsers, input, "End user"),
  },
  "POST /beta/endusers/bulk": {
    inputs: dataIn,
    unreadable: stringFields("email"),
    outcome: (input, c) => create(c, c.state.endUsers, input, "enduser", {}),
  },
  "PATCH /beta/queues/{queueId}/members": {
    inputs: (body) =>
      isRecord(body) && Array.isArray(body["agentIds"]) ? body["agentIds"] : undefined,
    unreadable: (agentId) => (typeof agentId === "string" ? undefined : "agent ids are strings"),
    outcome: (agentId, { state }) =>
      state.isAgent(agentId)
        ? success(agentId)
        : failure({ id: String(agentId), message: "User not found", _type: "NotFound" }),
  },
};

/** The answer to a bulk request: one outcome per input, in the order of the inputs. */
export function bulkAnswer(
  key: string,
  body: unknown,
  context: BulkContext,
  status: number,
): Answer | undefined {
  const rule = rules[key];
  if (rule === undefined) return undefined;
  const inputs = rule.inputs(body);
  if (inputs === undefined) return invalidBody("no list of items");
  for (const [index, input] of inputs.entries()) {
    const problem = rule.unreadable(input);
    if (problem !== undefined) return invalidBody(`item ${index}: ${problem}`);
  }
  return { status, body: { data: inputs.map((input) => rule.outcome(input, context)) } };
}

type Person = SandboxAgent | SandboxEndUser;

function update(people: Person[], input: unknown, what: string): Outcome {
  const id = isRecord(input) ? input["id"] : undefined;
  const index = people.findIndex((person) => person.id === id);
  if (index < 0) {
    return failure({ id: String(id), message: `${what} not found`, _type: "NotFound" });
  }
  const updated = { ...people[index]!, ...(input as Record<string, unknown>) } as Person;
  people[index] = updated;
  return success(updated);
}

function create(
  { state, now }: BulkContext,
  people: Person[],
  input: unknown,
  kind: string,
  defaults: Record<string, unknown>,
): Outcome {
  if (!isRecord(input)) return failure({ message: "Invalid value for: body", _type: "Validation" });
  const email = input["email"];
  if (email !== undefined && people.some((person) => person.email === email)) {
    return failure({
      message: `The email ${String(email)} is already in use`,
      _type: "Validation",
    });
  }
  const created = {
    additionalEmails: [],
    additionalPhoneNumbers: [],
    middleNames: [],
    ...defaults,
    ...input,
    id: state.newId(kind),
    createdAt: new Date(now).toISOString(),
  } as unknown as Person;
  people.push(created);
  return success(created);
}
