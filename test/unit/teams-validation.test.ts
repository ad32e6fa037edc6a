import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;

const teamId = "005e7108-c85c-41d1-a945-4a8dc58c4399";
const agentIds = ["912d5148-6918-4420-b23a-8584b896c8ae", "a8080cf3-9d55-41dd-a8ef-b02414399e7a"];
const presence = (userId: string) => ({
  userId,
  requestTime: "2021-12-01T12:46:35.935",
  connectionStatus: "Online",
});

describe("teams: requests", () => {
  it("addMembers resolves undefined on Dixa's bodiless 200; removeMembers on 204", async () => {
    server = await startLoopbackServer((request, response) => {
      response.writeHead(request.method === "PATCH" ? 200 : 204).end();
    });
    const client = clientFor(server);
    await expect(client.teams.addMembers(teamId, { agentIds })).resolves.toBeUndefined();
    await expect(client.teams.removeMembers(teamId, { agentIds })).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown])).toEqual([
      ["PATCH", `/beta/teams/${teamId}/agents`, { agentIds }],
      ["DELETE", `/beta/teams/${teamId}/agents`, { agentIds }],
    ]);
  });

  it("listPresence follows meta.next and sends nothing before iteration", async () => {
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url, "http://x");
      if (url.searchParams.get("pageKey") === null) {
        return sendJson(response, 200, {
          data: [presence(agentIds[0]!)],
          meta: { next: `/beta/teams/${teamId}/presence?pageKey=p2&pageLimit=1` },
        });
      }
      sendJson(response, 200, { data: [presence(agentIds[1]!)] });
    });
    const list = clientFor(server).teams.listPresence(teamId, { pageLimit: 1 });
    expect(server.requests).toHaveLength(0);
    expect((await list.toArray()).map((p) => p.userId)).toEqual(agentIds);
    expect(server.requests.map((r) => r.url)).toEqual([
      `/beta/teams/${teamId}/presence?pageLimit=1`,
      `/beta/teams/${teamId}/presence?pageLimit=1&pageKey=p2`,
    ]);
  });
});

describe("teams: validation happens before any request", () => {
  const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
    ["get: a non-UUID id", (c) => c.teams.get("team-a"), /teamId must be a UUID string/],
    ["delete: an empty id", (c) => c.teams.delete(""), /teamId must be a UUID string/],
    ["listMembers: bad id", (c) => c.teams.listMembers("1"), /teamId must be a UUID string/],
    [
      "create: missing name",
      (c) => c.teams.create({} as never),
      /team\.name must be a non-empty string/,
    ],
    ["create: not an object", (c) => c.teams.create("Team A" as never), /team must be an object/],
    [
      "addMembers: bad team id",
      (c) => c.teams.addMembers("x", { agentIds }),
      /teamId must be a UUID string/,
    ],
    [
      "addMembers: agentIds that are not a list",
      (c) => c.teams.addMembers(teamId, { agentIds: "x" as never }),
      /members\.agentIds must be an array/,
    ],
    [
      "addMembers: one bad agent id",
      (c) => c.teams.addMembers(teamId, { agentIds: [agentIds[0]!, "agent-2"] }),
      /members\.agentIds\[1\] must be a UUID string/,
    ],
    [
      "removeMembers: bad team id",
      (c) => c.teams.removeMembers("x", { agentIds }),
      /teamId must be a UUID string/,
    ],
    [
      "removeMembers: agentIds that are not UUIDs",
      (c) => c.teams.removeMembers(teamId, { agentIds: ["x"] }),
      /members\.agentIds\[0\] must be a UUID string/,
    ],
    [
      "removeMembers: not an object",
      (c) => c.teams.removeMembers(teamId, agentIds as never),
      /members must be an object/,
    ],
    [
      "listPresence: bad id (thrown at the call, not at iteration)",
      async (c) => c.teams.listPresence("x"),
      /teamId must be a UUID string/,
    ],
  ];
  it.each(cases)("%s", (name, call, message) =>
    expectRefusedBeforeSending([name, "async", call, message]),
  );
});
