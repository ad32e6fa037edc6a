import type { DixaApi } from "../api.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, ListItem, ListQuery, RequestBody, ResponseData } from "../types.js";
import { assertNonEmptyString, assertObject, assertUuid, assertUuidList } from "../validate.js";

export type Team = ResponseData<"/beta/teams/{teamId}", "get">;
export type CreateTeamInput = RequestBody<"/beta/teams", "post">;
/** An agent or admin in a team. */
export type TeamMember = ListItem<"/beta/teams/{teamId}/agents", "get">;
/** Presence and connection status of one team member. */
export type TeamMemberPresence = ListItem<"/beta/teams/{teamId}/presence", "get">;
export type ListTeamPresenceQuery = ListQuery<"/beta/teams/{teamId}/presence", "get">;
/** The agents or admins to add to a team, by id. */
export type AddTeamMembersInput = RequestBody<"/beta/teams/{teamId}/agents", "patch">;
/** The agents or admins to remove from a team, by id. */
export type RemoveTeamMembersInput = RequestBody<"/beta/teams/{teamId}/agents", "delete">;

/** Teams of agents. */
export class TeamsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists every team of the organization (id and name), in one answer.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/getteams
   */
  async list(options?: CallOptions): Promise<Team[]> {
    return this.api.data("get", "/beta/teams", {}, options);
  }

  /**
   * Fetches one team by id.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamid
   */
  async get(teamId: string, options?: CallOptions): Promise<Team> {
    assertUuid(teamId, "teamId");
    return this.api.data("get", "/beta/teams/{teamId}", { params: { path: { teamId } } }, options);
  }

  /**
   * Creates a team with the given name.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/postteams
   */
  async create(team: CreateTeamInput, options?: CallOptions): Promise<Team> {
    assertObject(team, "team");
    assertNonEmptyString(team["name"], "team.name");
    return this.api.data("post", "/beta/teams", { body: team }, options);
  }

  /**
   * Deletes a team.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/deleteteamsteamid
   */
  async delete(teamId: string, options?: CallOptions): Promise<void> {
    assertUuid(teamId, "teamId");
    return this.api.void(
      "delete",
      "/beta/teams/{teamId}",
      { params: { path: { teamId } } },
      options,
    );
  }

  /**
   * Lists the agents and admins in a team, in one answer.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamidagents
   */
  async listMembers(teamId: string, options?: CallOptions): Promise<TeamMember[]> {
    assertUuid(teamId, "teamId");
    return this.api.data(
      "get",
      "/beta/teams/{teamId}/agents",
      { params: { path: { teamId } } },
      options,
    );
  }

  /**
   * Adds agents or admins to a team. Dixa answers without a body, so nothing comes back.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/patchteamsteamidagents
   */
  async addMembers(
    teamId: string,
    members: AddTeamMembersInput,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(teamId, "teamId");
    assertObject(members, "members");
    assertUuidList(members["agentIds"], "members.agentIds");
    return this.api.void(
      "patch",
      "/beta/teams/{teamId}/agents",
      { params: { path: { teamId } }, body: members },
      options,
    );
  }

  /**
   * Removes agents or admins from a team.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/deleteteamsteamidagents
   */
  async removeMembers(
    teamId: string,
    members: RemoveTeamMembersInput,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(teamId, "teamId");
    assertObject(members, "members");
    assertUuidList(members["agentIds"], "members.agentIds");
    return this.api.void(
      "delete",
      "/beta/teams/{teamId}/agents",
      { params: { path: { teamId } }, body: members },
      options,
    );
  }

  /**
   * Presence and connection status of each member of a team, page by page as you iterate.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamidpresence
   */
  listPresence(
    teamId: string,
    query: ListTeamPresenceQuery = {},
    options?: CallOptions,
  ): Paginated<TeamMemberPresence> {
    assertUuid(teamId, "teamId");
    return this.api.list(
      "get",
      "/beta/teams/{teamId}/presence",
      { params: { path: { teamId }, query } },
      options,
    );
  }
}
