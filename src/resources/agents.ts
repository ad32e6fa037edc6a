import { callBody } from "../call.js";
import type { DixaCore } from "../core.js";
import { DixaMalformedResponseError } from "../errors.js";
import type { CallOptions } from "../types.js";
import { describeValue } from "../validate.js";
import { AgentsGeneratedMethods } from "../../generated/facade/resources.js";
import type { AgentPresence } from "../../generated/facade/types.js";

const presence = "/beta/agents/presence";

/** The function form of {@link AgentsResource.listPresence}. */
export async function agentsListPresence(
  dixa: DixaCore,
  options?: CallOptions,
): Promise<AgentPresence[]> {
  const body = await callBody<unknown>(dixa, {
    method: "GET",
    pathTemplate: presence,
    path: presence,
    options,
  });
  if (Array.isArray(body)) return body as AgentPresence[];
  const data = (body as { data?: unknown } | undefined)?.data;
  if (Array.isArray(data)) return data as AgentPresence[];
  throw new DixaMalformedResponseError(
    "GET",
    presence,
    200,
    `a body that is not a list of presences (${describeValue(body)})`,
  );
}

/** Agents and administrators of the organization. */
export class AgentsResource extends AgentsGeneratedMethods {
  /**
   * Presence and connection status of every agent and admin, in one answer (not paged). The
   * spec documents this answer as a bare list, unlike every other endpoint; a list inside the
   * usual `{ data }` envelope is accepted too.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentspresence
   */
  listPresence(options?: CallOptions): Promise<AgentPresence[]> {
    return agentsListPresence(this.core, options);
  }
}
