import ky from "ky";
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

/** ky with its defaults (retry, timeout), one instance carrying the base URL and headers. */
export function kyPeer(setup: PeerSetup): Peer {
  const calls = (baseUrl: string, fetch?: AnyFetch): Calls => {
    const api = ky.create({ prefixUrl: baseUrl, headers: commonHeaders, ...(fetch && { fetch }) });
    return {
      get: () => api.get(`beta/agents/${agentId}`).json(),
      post: () =>
        api
          .post(`beta/conversations/${conversationId}/notes`, { json: { message: noteMessage } })
          .json(),
    };
  };
  return {
    key: "ky",
    label: `ky ${installedVersion(setup.root, "ky")}`,
    overSocket: async (baseUrl) => calls(baseUrl),
    inMemory: async (fetch, baseUrl) => calls(baseUrl, fetch),
    importName: "ky",
    app: `import ky from "ky";
export async function createNote(apiKey) {
  return ky
    .post("${dixaUrl}/beta/conversations/${conversationId}/notes", {
      headers: { Authorization: apiKey },
      json: { message: "${noteMessage}" },
    })
    .json();
}
`,
  };
}
