import axios from "axios";
import {
  agentId,
  commonHeaders,
  conversationId,
  dixaUrl,
  installedVersion,
  noteMessage,
  type Calls,
  type Peer,
  type PeerSetup,
} from "./peer.js";

/**
 * axios as a Node user gets it: its http adapter over Node's global agent (keep-alive on since
 * Node 19), not fetch, so it has no in-memory variant.
 */
export function axiosPeer(setup: PeerSetup): Peer {
  return {
    key: "axios",
    label: `axios ${installedVersion(setup.root, "axios")}`,
    overSocket: async (baseUrl): Promise<Calls> => {
      const api = axios.create({ baseURL: baseUrl, headers: commonHeaders });
      return {
        get: async () => (await api.get(`/beta/agents/${agentId}`)).data,
        post: async () =>
          (await api.post(`/beta/conversations/${conversationId}/notes`, { message: noteMessage }))
            .data,
      };
    },
    importName: "axios",
    app: `import axios from "axios";
export async function createNote(apiKey) {
  const { data } = await axios.post(
    "${dixaUrl}/beta/conversations/${conversationId}/notes",
    { message: "${noteMessage}" },
    { headers: { Authorization: apiKey } },
  );
  return data;
}
`,
  };
}
