import type { DixaApi } from "../api.js";
import type { BulkResult } from "../bulk.js";
import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import { DixaMalformedResponseError, type DixaError } from "../errors.js";
import type { Paginated } from "../paginate.js";
import type {
  CallOptions,
  ListItem,
  ListQuery,
  RequestBody,
  ResponseData,
  Schemas,
} from "../types.js";
import {
  assertBoolean,
  assertItems,
  assertNonEmptyString,
  assertObject,
  assertUuid,
  describeValue,
} from "../validate.js";

export type Agent = ListItem<"/beta/agents", "get">;
export type ListAgentsQuery = ListQuery<"/beta/agents", "get">;
/** Presence and connection status of one agent or admin. */
export type AgentPresence = ResponseData<"/beta/agents/{agentId}/presence", "get">;
/** A team the agent belongs to (Dixa sends only its id here). */
export type AgentTeam = ListItem<"/beta/agents/{agentId}/teams", "get">;
export type CreateAgentInput = RequestBody<"/beta/agents", "post">;
export type UpdateAgentInput = RequestBody<"/beta/agents/{agentId}", "put">;
export type PatchAgentInput = RequestBody<"/beta/agents/{agentId}", "patch">;
/** One item of `updateMany`: a full update that names the agent by `id`. */
export type UpdateManyAgentsItem = RequestBody<"/beta/agents", "put">[number];
/** One item of `patchMany`: a partial update that names the agent by `id`. */
export type PatchManyAgentsItem = RequestBody<"/beta/agents", "patch">[number];
export type AgentWorkingChannelInput = RequestBody<
  "/beta/agents/{agentId}/presence/working-channel",
  "put"
>;
/** A per-agent failure from Dixa, or the error that made a whole chunk fail. */
export type AgentBulkFailure = Schemas["BulkError"] | DixaError;
export type CreateManyAgentsResult = BulkResult<CreateAgentInput, Agent, Schemas["BulkError"]>;
export type UpdateManyAgentsResult = BulkResult<UpdateManyAgentsItem, Agent, Schemas["BulkError"]>;
export type PatchManyAgentsResult = BulkResult<PatchManyAgentsItem, Agent, Schemas["BulkError"]>;

/** Agents and administrators of the organization. */
export class AgentsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists agents and admins, page by page as you iterate; filter by `email` or `phone`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagents
   */
  list(query: ListAgentsQuery = {}, options?: CallOptions): Paginated<Agent> {
    return this.api.list("get", "/beta/agents", { params: { query } }, options);
  }

  /**
   * Fetches one agent or admin by id.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentid
   */
  async get(agentId: string, options?: CallOptions): Promise<Agent> {
    assertUuid(agentId, "agentId");
    return this.api.data(
      "get",
      "/beta/agents/{agentId}",
      { params: { path: { agentId } } },
      options,
    );
  }

  /**
   * Creates one agent; `displayName` and `email` are required.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/postagents
   */
  async create(agent: CreateAgentInput, options?: CallOptions): Promise<Agent> {
    assertCreateAgent(agent, "agent");
    return this.api.data("post", "/beta/agents", { body: agent }, options);
  }

  /**
   * Creates many agents and tells, per agent, whether it was created. Each success and failure
   * carries `index`, the agent's position in `agents`. With `chunkSize`, agents go in several
   * requests, one after another; if a whole request fails, each of its agents becomes a failure
   * carrying that error, and the other requests' results are kept.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/postagentsbulk
   */
  async createMany(
    agents: readonly CreateAgentInput[],
    options: BulkOptions = {},
  ): Promise<CreateManyAgentsResult> {
    assertItems(agents, "agents", assertCreateAgent);
    return sendBulkInChunks(
      this.api,
      "post",
      "/beta/agents/bulk",
      { body: (chunk) => ({ data: chunk }) },
      agents,
      options,
    );
  }

  /**
   * Replaces an agent's profile (fields left out are cleared); `displayName` is required.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/putagentsagentid
   */
  async update(agentId: string, agent: UpdateAgentInput, options?: CallOptions): Promise<Agent> {
    assertUuid(agentId, "agentId");
    assertObject(agent, "agent");
    assertNonEmptyString(agent["displayName"], "agent.displayName");
    return this.api.data(
      "put",
      "/beta/agents/{agentId}",
      { params: { path: { agentId } }, body: agent },
      options,
    );
  }

  /**
   * Fully updates many agents, each naming its agent by `id`, and tells per item whether it
   * worked. Indexes and chunking work as in `createMany`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/putagents
   */
  async updateMany(
    agents: readonly UpdateManyAgentsItem[],
    options: BulkOptions = {},
  ): Promise<UpdateManyAgentsResult> {
    assertItems(agents, "agents", (agent, label) => {
      assertObject(agent, label);
      assertNonEmptyString(agent["id"], `${label}.id`);
      assertNonEmptyString(agent["displayName"], `${label}.displayName`);
    });
    return sendBulkInChunks(
      this.api,
      "put",
      "/beta/agents",
      { body: (chunk) => chunk },
      agents,
      options,
    );
  }

  /**
   * Changes only the given fields of an agent's profile.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/patchagentsagentid
   */
  async patch(agentId: string, patch: PatchAgentInput, options?: CallOptions): Promise<Agent> {
    assertUuid(agentId, "agentId");
    assertObject(patch, "patch");
    return this.api.data(
      "patch",
      "/beta/agents/{agentId}",
      { params: { path: { agentId } }, body: patch },
      options,
    );
  }

  /**
   * Partially updates many agents, each naming its agent by `id`, and tells per item whether
   * it worked. Indexes and chunking work as in `createMany`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/patchagents
   */
  async patchMany(
    patches: readonly PatchManyAgentsItem[],
    options: BulkOptions = {},
  ): Promise<PatchManyAgentsResult> {
    assertItems(patches, "patches", (patch, label) => {
      assertObject(patch, label);
      assertNonEmptyString(patch["id"], `${label}.id`);
    });
    return sendBulkInChunks(
      this.api,
      "patch",
      "/beta/agents",
      { body: (chunk) => chunk },
      patches,
      options,
    );
  }

  /**
   * Downgrades an agent or admin to an end user; the user itself is not deleted.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/deleteagentsagentid
   */
  async delete(agentId: string, options?: CallOptions): Promise<void> {
    assertUuid(agentId, "agentId");
    return this.api.void(
      "delete",
      "/beta/agents/{agentId}",
      { params: { path: { agentId } } },
      options,
    );
  }

  /**
   * Lists the teams an agent or admin is a member of (ids only).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentidteams
   */
  async listTeams(agentId: string, options?: CallOptions): Promise<AgentTeam[]> {
    assertUuid(agentId, "agentId");
    return this.api.data(
      "get",
      "/beta/agents/{agentId}/teams",
      { params: { path: { agentId } } },
      options,
    );
  }

  /**
   * Presence and connection status of every agent and admin, in one answer (not paged).
   * The spec documents this answer as a bare list, unlike every other endpoint; a list inside
   * the usual `{ data }` envelope is accepted too.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentspresence
   */
  async listPresence(options?: CallOptions): Promise<AgentPresence[]> {
    const body: unknown = await this.api.send("get", "/beta/agents/presence", {}, options);
    if (Array.isArray(body)) return body as AgentPresence[];
    if (
      typeof body === "object" &&
      body !== null &&
      Array.isArray((body as { data?: unknown }).data)
    ) {
      return (body as { data: AgentPresence[] }).data;
    }
    throw new DixaMalformedResponseError(
      "GET",
      "/beta/agents/presence",
      200,
      `a body that is not a list of presences (${describeValue(body)})`,
    );
  }

  /**
   * Current presence and connection status of one agent or admin.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentidpresence
   */
  async getPresence(agentId: string, options?: CallOptions): Promise<AgentPresence> {
    assertUuid(agentId, "agentId");
    return this.api.data(
      "get",
      "/beta/agents/{agentId}/presence",
      { params: { path: { agentId } } },
      options,
    );
  }

  /**
   * Turns an agent's work on one channel type on or off (`channel`: Email, InteractiveChat,
   * Messaging or Speak; `working`: true or false).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/putagentsagentidpresenceworking-channel
   */
  async setWorkingChannel(
    agentId: string,
    input: AgentWorkingChannelInput,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(agentId, "agentId");
    assertObject(input, "input");
    assertNonEmptyString(input["channel"], "input.channel");
    assertBoolean(input["working"], "input.working");
    return this.api.void(
      "put",
      "/beta/agents/{agentId}/presence/working-channel",
      { params: { path: { agentId } }, body: input },
      options,
    );
  }
}

function assertCreateAgent(agent: unknown, label: string): asserts agent is CreateAgentInput {
  assertObject(agent, label);
  assertNonEmptyString(agent["displayName"], `${label}.displayName`);
  assertNonEmptyString(agent["email"], `${label}.email`);
}
