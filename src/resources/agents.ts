import type { BulkResult } from "../bulk.js";
import { callBody } from "../call.js";
import type { DixaCore } from "../core.js";
import { DixaMalformedResponseError, type DixaError } from "../errors.js";
import type {
  CallOptions,
  ListItem,
  ListQuery,
  RequestBody,
  ResponseData,
  Schemas,
} from "../types.js";
import { describeValue } from "../validate.js";
import { AgentsGeneratedMethods } from "../../generated/facade/agents.js";

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
/** What `agents.createMany` resolves to: a success or a failure per input, by `index`. */
export type CreateManyAgentsResult = BulkResult<CreateAgentInput, Agent, Schemas["BulkError"]>;
/** What `agents.updateMany` resolves to: a success or a failure per input, by `index`. */
export type UpdateManyAgentsResult = BulkResult<UpdateManyAgentsItem, Agent, Schemas["BulkError"]>;
/** What `agents.patchMany` resolves to: a success or a failure per input, by `index`. */
export type PatchManyAgentsResult = BulkResult<PatchManyAgentsItem, Agent, Schemas["BulkError"]>;

/**
 * Presence and connection status of every agent and admin, in one answer (not paged). The spec
 * documents this answer as a bare list, unlike every other endpoint; a list inside the usual
 * `{ data }` envelope is accepted too.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentspresence
 */
export async function agentsListPresence(
  dixa: DixaCore,
  options?: CallOptions,
): Promise<AgentPresence[]> {
  const body = await callBody<unknown>(
    dixa,
    "GET",
    "/beta/agents/presence",
    "/beta/agents/presence",
    undefined,
    undefined,
    options,
  );
  if (Array.isArray(body)) return body as AgentPresence[];
  const data = (body as { data?: unknown } | undefined)?.data;
  if (Array.isArray(data)) return data as AgentPresence[];
  throw new DixaMalformedResponseError(
    "GET",
    "/beta/agents/presence",
    200,
    `a body that is not a list of presences (${describeValue(body)})`,
  );
}

/** Agents and administrators of the organization. */
export class AgentsResource extends AgentsGeneratedMethods {
  /**
   * Presence and connection status of every agent and admin, in one answer (not paged). The
   * spec documents this answer as a bare list; a list inside `{ data }` is accepted too.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentspresence
   */
  listPresence(options?: CallOptions): Promise<AgentPresence[]> {
    return agentsListPresence(this.core, options);
  }
}
