import { invalidBody, type Answer } from "./answer.js";
import { dixaTimestamp, isRecord } from "./sandbox-data.js";
import type { SandboxNote, SandboxState } from "./sandbox-state.js";

/** The failure Dixa gives a note whose `agentId` is not an agent of the organization. */
export function unknownAuthor(agentId: string): { message: string } {
  return { message: `An agent with id:${agentId} cannot be found in org.` };
}

/**
 * Makes one note from a create-note input, or says why Dixa would refuse it: a missing or blank
 * `message`, or an `agentId` that is not one of the sandbox's agents. A note without `agentId`
 * is written by the sandbox's first agent, as a token's own user would be its author.
 */
export function makeNote(
  state: SandboxState,
  conversationId: number,
  input: unknown,
  now: number,
): { note: SandboxNote } | { refusal: { message: string } } {
  if (!isRecord(input) || typeof input["message"] !== "string" || input["message"].trim() === "") {
    return { refusal: invalidBody("a note needs a message").body as { message: string } };
  }
  const agentId = input["agentId"];
  if (agentId !== undefined && typeof agentId !== "string") {
    return { refusal: invalidBody("agentId must be a string").body as { message: string } };
  }
  if (agentId !== undefined && !state.isAgent(agentId)) return { refusal: unknownAuthor(agentId) };
  const note: SandboxNote = {
    id: state.newId("note"),
    authorId: typeof agentId === "string" ? agentId : (state.agents[0]?.id ?? state.newId("agent")),
    createdAt: typeof input["createdAt"] === "string" ? input["createdAt"] : dixaTimestamp(now),
    csid: conversationId,
    message: input["message"],
  };
  state.addNote(note);
  return { note };
}

/** POST /beta/conversations/{conversationId}/notes: the note is kept for `notes.list`. */
export function createNote(
  state: SandboxState,
  conversationId: number,
  body: unknown,
  now: number,
  status: number,
): Answer {
  const made = makeNote(state, conversationId, body, now);
  if ("refusal" in made) return { status: 400, body: made.refusal };
  return { status, body: { data: made.note } };
}

/** GET /beta/conversations/{conversationId}/notes: the example notes, then those created. */
export function listNotes(state: SandboxState, conversationId: number, status: number): Answer {
  return { status, body: { data: state.notesOf(conversationId) } };
}
