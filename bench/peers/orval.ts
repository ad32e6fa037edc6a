import {
  agentId,
  commonHeaders,
  conversationId,
  installedVersion,
  orvalPackage,
  noteMessage,
  type Calls,
  type Peer,
  type PeerSetup,
} from "./peer.js";

// The generated code exists only once setup has run, so it is typed here by the little we use.
interface OrvalClient {
  getAgentsAgentid(agentId: string, options?: RequestInit): Promise<{ data: unknown }>;
  postConversationsConversationidNotes(
    conversationId: number,
    body: { message: string },
    options?: RequestInit,
  ): Promise<{ data: unknown }>;
}

/**
 * orval's fetch client (mode "single"): one function per operation over the global fetch, the
 * base URL fixed at generation (setup generates it twice: for Dixa, imported and bundled, and
 * for the bench server, called), the token passed per call as RequestInit headers. It takes no
 * fetch, so it has no in-memory variant.
 */
export function orval(setup: PeerSetup): Peer {
  return {
    key: "orval",
    label: `orval ${installedVersion(setup.root, "orval")} (generated fetch)`,
    overSocket: async (baseUrl): Promise<Calls> => {
      if (baseUrl !== setup.orvalBaseUrl) {
        throw new Error(`orval's client was generated for ${setup.orvalBaseUrl}, not ${baseUrl}`);
      }
      const client = (await import(setup.orvalLoopbackFile.href)) as OrvalClient;
      const init = { headers: commonHeaders };
      return {
        get: async () => (await client.getAgentsAgentid(agentId, init)).data,
        post: async () =>
          (
            await client.postConversationsConversationidNotes(
              conversationId,
              { message: noteMessage },
              init,
            )
          ).data,
      };
    },
    importName: orvalPackage,
    app: `import { postConversationsConversationidNotes } from "../orval/dixa-beta.js";
export async function createNote(apiKey) {
  const { data } = await postConversationsConversationidNotes(
    ${conversationId},
    { message: "${noteMessage}" },
    { headers: { Authorization: apiKey } },
  );
  return data;
}
`,
  };
}
