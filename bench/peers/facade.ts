import type * as DixaBeta from "../../src/index.js";
import {
  agentId,
  apiKey,
  conversationId,
  noteMessage,
  type AnyFetch,
  type Calls,
  type Peer,
  type PeerSetup,
} from "./peer.js";

/**
 * This client, loaded from its built package (the entry package.json `exports["."]` names), so
 * the bench measures what users install and only through the public API. Rate limiting is off
 * for the calls (the bench sends far more than Dixa's 10/s); everything else is the default.
 */
async function load(setup: PeerSetup): Promise<typeof DixaBeta> {
  return (await import(setup.facadeEntry)) as typeof DixaBeta;
}

/** The modular form: `createDixaCore` and one function per operation. */
export function facadeCore(setup: PeerSetup): Peer {
  const calls = async (baseUrl: string, fetch?: AnyFetch): Promise<Calls> => {
    const { createDixaCore, agentsGet, notesCreate } = await load(setup);
    const core = createDixaCore({ apiKey, baseUrl, rateLimit: false, ...(fetch && { fetch }) });
    return {
      get: () => agentsGet(core, agentId),
      post: () => notesCreate(core, conversationId, { message: noteMessage }),
    };
  };
  return {
    key: "facade-core",
    label: `dixa-beta ${setup.facadeVersion} (this facade: createDixaCore + functions)`,
    overSocket: (baseUrl) => calls(baseUrl),
    inMemory: (fetch, baseUrl) => calls(baseUrl, fetch),
    importName: "dixa-beta",
    app: `import { createDixaCore, notesCreate } from "dixa-beta";
export async function createNote(apiKey) {
  const dixa = createDixaCore({ apiKey });
  return notesCreate(dixa, ${conversationId}, { message: "${noteMessage}" });
}
`,
  };
}

/** The client object: `createDixaClient` and its resources. */
export function facadeClient(setup: PeerSetup): Peer {
  const calls = async (baseUrl: string, fetch?: AnyFetch): Promise<Calls> => {
    const { createDixaClient } = await load(setup);
    const client = createDixaClient({ apiKey, baseUrl, rateLimit: false, ...(fetch && { fetch }) });
    return {
      get: () => client.agents.get(agentId),
      post: () => client.notes.create(conversationId, { message: noteMessage }),
    };
  };
  return {
    key: "facade-client",
    label: `dixa-beta ${setup.facadeVersion} (this facade: createDixaClient)`,
    overSocket: (baseUrl) => calls(baseUrl),
    inMemory: (fetch, baseUrl) => calls(baseUrl, fetch),
    importName: "dixa-beta",
    app: `import { createDixaClient } from "dixa-beta";
export async function createNote(apiKey) {
  const dixa = createDixaClient({ apiKey });
  return dixa.notes.create(${conversationId}, { message: "${noteMessage}" });
}
`,
  };
}
