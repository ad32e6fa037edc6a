/**
 * dixa-beta/operations: every operation of Dixa's beta API, by operationId, with the facade
 * method that performs it (`"notes.create"`) and its page in Dixa's API reference. A table for
 * tools: coverage checks, links from logs to the reference, a map from the spec to the client.
 *
 * ```ts
 * import { facadeOperations } from "dixa-beta/operations";
 *
 * facadeOperations.postConversationsConversationidNotes.call; // "notes.create"
 * ```
 *
 * Apps seldom read it, so the main entry exports only its types: compiling its 123 entries was
 * a fifth of what every `import "dixa-beta"` compiled.
 * @module
 */
export {
  facadeOperations,
  type FacadeCall,
  type FacadeOperation,
} from "../../generated/facade/operations.js";
export type { OperationId } from "../../generated/operation-table.js";
