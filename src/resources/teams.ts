import type { ListItem, ListQuery, RequestBody, ResponseData } from "../types.js";

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
