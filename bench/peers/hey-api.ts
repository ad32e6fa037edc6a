import {
  agentId,
  apiKey,
  heyApiPackage,
  conversationId,
  installedVersion,
  noteMessage,
  type AnyFetch,
  type Calls,
  type Peer,
  type PeerSetup,
} from "./peer.js";

// The generated code exists only once setup has run, so it is typed here by the little we use.
interface HeyApiClient {
  setConfig(config: object): unknown;
}
interface HeyApiClientModule {
  createClient(config: object): HeyApiClient;
  createConfig(config: object): object;
}
interface HeyApiSdk {
  getAgentsAgentid(options: {
    client: HeyApiClient;
    path: { agentId: string };
  }): Promise<{ data?: unknown }>;
  postConversationsConversationidNotes(options: {
    client: HeyApiClient;
    path: { conversationId: number };
    body: { message: string };
  }): Promise<{ data?: unknown }>;
}

/**
 * The SDK @hey-api/openapi-ts generates with its client-fetch and sdk plugins (the client's
 * runtime is emitted into the output). The token goes through `auth`, as the spec's security
 * scheme (apiKey in Authorization) has the SDK ask for it.
 */
export function heyApi(setup: PeerSetup): Peer {
  const load = async () => ({
    sdk: (await import(new URL("index.js", setup.heyApiDir).href)) as HeyApiSdk,
    runtime: (await import(new URL("client/index.js", setup.heyApiDir).href)) as HeyApiClientModule,
  });
  const calls = async (baseUrl: string, fetch?: AnyFetch): Promise<Calls> => {
    const { sdk, runtime } = await load();
    const client = runtime.createClient(
      runtime.createConfig({
        baseUrl,
        auth: apiKey,
        headers: { Accept: "application/json" },
        ...(fetch && { fetch }),
      }),
    );
    return {
      get: async () => (await sdk.getAgentsAgentid({ client, path: { agentId } })).data,
      post: async () =>
        (
          await sdk.postConversationsConversationidNotes({
            client,
            path: { conversationId },
            body: { message: noteMessage },
          })
        ).data,
    };
  };
  return {
    key: "hey-api",
    label: `hey-api ${installedVersion(setup.root, "@hey-api/openapi-ts")} (client-fetch)`,
    overSocket: (baseUrl) => calls(baseUrl),
    inMemory: (fetch, baseUrl) => calls(baseUrl, fetch),
    importName: heyApiPackage,
    app: `import { client } from "../hey-api/client.gen.js";
import { postConversationsConversationidNotes } from "../hey-api/index.js";
export async function createNote(apiKey) {
  client.setConfig({ auth: apiKey });
  const { data } = await postConversationsConversationidNotes({
    path: { conversationId: ${conversationId} },
    body: { message: "${noteMessage}" },
  });
  return data;
}
`,
  };
}
