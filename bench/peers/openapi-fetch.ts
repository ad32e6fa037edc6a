import createClient from "openapi-fetch";
import type { paths } from "../../src/types.js";
import {
  agentId,
  commonHeaders,
  conversationId,
  dixaUrl,
  installedVersion,
  noteMessage,
  type AnyFetch,
  type Calls,
  type Peer,
  type PeerSetup,
} from "./peer.js";

/** openapi-fetch with the project's generated `paths`, no middleware. */
export function openapiFetch(setup: PeerSetup): Peer {
  const calls = (baseUrl: string, fetch?: AnyFetch): Calls => {
    const client = createClient<paths>({
      baseUrl,
      headers: commonHeaders,
      ...(fetch && { fetch }),
    });
    return {
      get: async () =>
        (await client.GET("/beta/agents/{agentId}", { params: { path: { agentId } } })).data,
      post: async () =>
        (
          await client.POST("/beta/conversations/{conversationId}/notes", {
            params: { path: { conversationId } },
            body: { message: noteMessage },
          })
        ).data,
    };
  };
  return {
    key: "openapi-fetch",
    label: `openapi-fetch ${installedVersion(setup.root, "openapi-fetch")}`,
    overSocket: async (baseUrl) => calls(baseUrl),
    inMemory: async (fetch, baseUrl) => calls(baseUrl, fetch),
    importName: "openapi-fetch",
    app: `import createClient from "openapi-fetch";
export async function createNote(apiKey) {
  const client = createClient({ baseUrl: "${dixaUrl}", headers: { Authorization: apiKey } });
  const { data } = await client.POST("/beta/conversations/{conversationId}/notes", {
    params: { path: { conversationId: ${conversationId} } },
    body: { message: "${noteMessage}" },
  });
  return data;
}
`,
  };
}
