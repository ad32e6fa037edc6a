import type { BulkResult } from "../bulk.js";
import type { DixaError } from "../errors.js";
import type { RequestBody, Schemas } from "../types.js";

export type InternalNote = Schemas["InternalNoteData"];
export type CreateNoteInput = RequestBody<"/beta/conversations/{conversationId}/notes", "post">;
/** A per-note failure from Dixa, or the error that made a whole chunk fail. */
export type NoteFailure = Schemas["ErrorResponse"] | DixaError;
/** What `notes.createMany` resolves to: a success or a failure per input, by `index`. */
export type CreateManyNotesResult = BulkResult<
  CreateNoteInput,
  InternalNote,
  Schemas["ErrorResponse"]
>;
