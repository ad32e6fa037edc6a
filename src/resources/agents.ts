import type { DixaApi } from "../api.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, ListItem, ListQuery } from "../types.js";

export type Agent = ListItem<"/beta/agents", "get">;
export type ListAgentsQuery = ListQuery<"/beta/agents", "get">;

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
}
