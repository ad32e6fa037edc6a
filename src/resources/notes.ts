import type { DixaApi } from "../api.js";
import type { BulkResult } from "../bulk.js";
import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import type { DixaError } from "../errors.js";
import type { CallOptions, RequestBody, Schemas } from "../types.js";
import {
  assertConversationId,
  assertItems,
  assertNonEmptyString,
  assertObject,
} from "../validate.js";

export type InternalNote = Schemas["InternalNoteData"];
export type CreateNoteInput = RequestBody<"/beta/conversations/{conversationId}/notes", "post">;
/** A per-note failure from Dixa, or the error that made a whole chunk fail. */
export type NoteFailure = Schemas["ErrorResponse"] | DixaError;
export type CreateManyNotesResult = BulkResult<
  CreateNoteInput,
  InternalNote,
  Schemas["ErrorResponse"]
>;

/** Internal notes on a conversation: visible to agents, never to the end user. */
export class NotesResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists a conversation's internal notes, oldest first.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/getconversationsconversationidnotes
   */
  async list(conversationId: number, options?: CallOptions): Promise<InternalNote[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/notes",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Adds one internal note to a conversation.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/postconversationsconversationidnotes
   */
  async create(
    conversationId: number,
    note: CreateNoteInput,
    options?: CallOptions,
  ): Promise<InternalNote> {
    assertConversationId(conversationId);
    assertNote(note, "note");
    return this.api.data(
      "post",
      "/beta/conversations/{conversationId}/notes",
      { params: { path: { conversationId } }, body: note },
      options,
    );
  }

  /**
   * Adds many internal notes and tells, per note, whether it was created. Each success and
   * failure carries `index`, the note's position in `notes`. With `chunkSize`, notes go in
   * several requests, one after another; if a whole request fails, each of its notes becomes a
   * failure carrying that error, and the other requests' results are kept.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/postconversationsconversationidnotesbulk
   */
  async createMany(
    conversationId: number,
    notes: readonly CreateNoteInput[],
    options: BulkOptions = {},
  ): Promise<CreateManyNotesResult> {
    assertConversationId(conversationId);
    assertItems(notes, "notes", assertNote);
    return sendBulkInChunks(
      this.api,
      "post",
      "/beta/conversations/{conversationId}/notes/bulk",
      { path: { conversationId }, body: (chunk) => ({ data: chunk }) },
      notes,
      options,
    );
  }
}

function assertNote(note: unknown, label: string): asserts note is CreateNoteInput {
  assertObject(note, label);
  assertNonEmptyString(note["message"], `${label}.message`);
}
