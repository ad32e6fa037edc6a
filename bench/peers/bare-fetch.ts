import {
  agentId,
  commonHeaders,
  conversationId,
  dixaUrl,
  noteMessage,
  type AnyFetch,
  type Calls,
  type Peer,
} from "./peer.js";

/** The reference: fetch called by hand, the body parsed with `.json()`. */
export function bareFetch(): Peer {
  const calls = (fetch: AnyFetch, baseUrl: string): Calls => ({
    get: async () =>
      (await fetch(`${baseUrl}/beta/agents/${agentId}`, { headers: commonHeaders })).json(),
    post: async () =>
      (
        await fetch(`${baseUrl}/beta/conversations/${conversationId}/notes`, {
          method: "POST",
          headers: { ...commonHeaders, "Content-Type": "application/json" },
          body: JSON.stringify({ message: noteMessage }),
        })
      ).json(),
  });
  return {
    key: "bare-fetch",
    label: "bare fetch",
    // Looked up at call time, as a user's code would: the global fetch of this process.
    overSocket: async (baseUrl) => calls((...args) => fetch(...args), baseUrl),
    inMemory: async (fetch, baseUrl) => calls(fetch, baseUrl),
    app: `export async function createNote(apiKey) {
  const response = await fetch("${dixaUrl}/beta/conversations/${conversationId}/notes", {
    method: "POST",
    headers: { Authorization: apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ message: "${noteMessage}" }),
  });
  return response.json();
}
`,
  };
}
