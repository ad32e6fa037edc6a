import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

const teamId = "005e7108-c85c-41d1-a945-4a8dc58c4399";

describe("teams against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.teams.list()).toEqual(exampleData("getTeams"));
  });

  it("get", async () => {
    expect(await client.teams.get(teamId)).toEqual(exampleData("getTeamsTeamid"));
  });

  it("create", async () => {
    expect(await client.teams.create(exampleRequest("postTeams"))).toEqual(
      exampleData("postTeams"),
    );
  });

  it("delete", async () => {
    await expect(client.teams.delete(teamId)).resolves.toBeUndefined();
  });

  it("listMembers", async () => {
    expect(await client.teams.listMembers(teamId)).toEqual(exampleData("getTeamsTeamidAgents"));
  });

  it("addMembers (200 without a body)", async () => {
    await expect(
      client.teams.addMembers(teamId, exampleRequest("patchTeamsTeamidAgents")),
    ).resolves.toBeUndefined();
  });

  it("removeMembers", async () => {
    await expect(
      client.teams.removeMembers(teamId, exampleRequest("deleteTeamsTeamidAgents")),
    ).resolves.toBeUndefined();
  });

  it("listPresence", async () => {
    expect(await client.teams.listPresence(teamId, { pageLimit: 50 }).toArray()).toEqual(
      exampleData("getTeamsTeamidPresence"),
    );
  });
});
