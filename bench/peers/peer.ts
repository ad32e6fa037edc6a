/**
 * What the peer comparison (issue #13) needs from each client: the same two calls over a socket
 * and, where the client takes a fetch, in memory; what a fresh process imports to load it; and
 * a small app that creates one note, for the bundle. One file per client in this folder.
 */
import { readFileSync } from "node:fs";

export const apiKey = "bench-token";
export const agentId = "93b885ad-fe0d-3089-8df6-000000000000";
export const conversationId = 4711;
export const noteMessage = "Called the customer back";
/** Where the bundled apps send their request: each client as a user would configure it. */
export const dixaUrl = "https://dev.dixa.io";
/** The generated clients as installed packages (bench/.peers/bare/node_modules/), for the import. */
export const orvalPackage = "orval-dixa-client";
export const heyApiPackage = "hey-api-dixa-client";
/** A package holding an empty module: the floor of every import figure. */
export const emptyPackage = "empty-module";

/** Every client sends these (the facade adds its User-Agent; the POST adds Content-Type). */
export const commonHeaders = { Authorization: apiKey, Accept: "application/json" } as const;

export interface Calls {
  /** GET /beta/agents/{agentId}: resolves to the parsed answer (or the client's view of it). */
  get(): Promise<unknown>;
  /** POST /beta/conversations/{conversationId}/notes with `{ message }`. */
  post(): Promise<unknown>;
}

export type AnyFetch = typeof globalThis.fetch;

export interface Peer {
  /** Short and stable: a key of the peer table and of results.json names. */
  key: string;
  /** As printed: the client and the version actually used. */
  label: string;
  /** The two calls against a server at `baseUrl`, with the client's own default transport. */
  overSocket(baseUrl: string): Promise<Calls>;
  /** The same calls through `fetch`; absent when the client cannot be given one. */
  inMemory?(fetch: AnyFetch, baseUrl: string): Promise<Calls>;
  /**
   * The bare specifier an app imports this client by (`import "dixa-beta"`): a package installed
   * in bench/.peers/bare/node_modules/ (the generated clients are installed there as packages of
   * their own) or in the project's node_modules. Absent for bare fetch (nothing to import).
   */
  importName?: string;
  /**
   * ESM JavaScript of an app that creates one note with this client, exported as
   * `createNote(apiKey)`. Written to bench/.peers/apps/, so relative imports start there.
   */
  app: string;
}

/** Where setup put what it built and generated, for the adapters that need it. */
export interface PeerSetup {
  /** The project root (holds package.json). */
  root: URL;
  /** bench/.peers/, gitignored. */
  dir: URL;
  /** The facade's main entry, resolved from package.json `exports["."]` (a file URL). */
  facadeEntry: string;
  /**
   * Where the import-time stage imports from: a folder whose node_modules/ holds the facade and
   * the generated clients as installed packages, and a copy of the import probe.
   */
  bareDir: URL;
  facadeVersion: string;
  /** Transpiled hey-api output: the folder holding index.js, sdk.gen.js, client.gen.js. */
  heyApiDir: URL;
  /** Transpiled orval output (mode "single", one file) for Dixa's base URL. */
  orvalFile: URL;
  /** The same, generated for the bench server's base URL (orval fixes it at generation). */
  orvalLoopbackFile: URL;
  orvalBaseUrl: string;
}

/** The version of an installed package (read from its own package.json under node_modules). */
export function installedVersion(root: URL, name: string): string {
  const file = new URL(`node_modules/${name}/package.json`, root);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
