import { exampleAnswers } from "../../generated/example-answers.js";
import type { components } from "../../generated/dixa-beta.js";
import { listItems, sandboxId } from "./sandbox-data.js";

/** An agent of the sandbox's seed data, shaped as the spec's `Agent` schema. */
export type SandboxAgent = components["schemas"]["Agent"];
/** An end user of the sandbox's seed data, shaped as the spec's `EndUser` schema. */
export type SandboxEndUser = components["schemas"]["EndUser"];
/** A note the sandbox holds, shaped as the spec's `InternalNoteData` schema. */
export type SandboxNote = components["schemas"]["InternalNoteData"];

/** The `data` array of an operation's example answer (empty when it has none). */
export function exampleItems(key: string): unknown[] {
  const body = exampleAnswers[key]?.body as { data?: unknown } | undefined;
  return Array.isArray(body?.data) ? body.data : [];
}

/**
 * What the sandbox remembers between requests: its agents and end users (the spec's examples,
 * then more made from them, `listSize` of each), the notes created per conversation, the items
 * of the other paged lists, and counters for new ids. `reset()` forgets everything.
 */
export class SandboxState {
  agents: SandboxAgent[] = [];
  endUsers: SandboxEndUser[] = [];
  private readonly createdNotes = new Map<number, SandboxNote[]>();
  private readonly lists = new Map<string, unknown[]>();
  private readonly counters = new Map<string, number>();

  constructor(readonly listSize: number) {
    this.reset();
  }

  reset(): void {
    this.agents = listItems("agent", exampleItems("GET /beta/agents"), this.listSize) as never;
    this.endUsers = listItems(
      "enduser",
      exampleItems("GET /beta/endusers"),
      this.listSize,
    ) as never;
    this.createdNotes.clear();
    this.lists.clear();
    this.counters.clear();
    // Agents and end users created later continue their lists' numbering, never reusing an id.
    this.counters.set("agent", this.listSize);
    this.counters.set("enduser", this.listSize);
  }

  /**
   * A new deterministic id of this kind: the first note created is `sandboxId("note", 0)`, the
   * first agent created `sandboxId("agent", listSize)`.
   */
  newId(kind: string): string {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    return sandboxId(kind, n);
  }

  isAgent(id: unknown): boolean {
    return this.agents.some((agent) => agent.id === id);
  }

  /** The items of a paged list other than agents and end users, made once and then kept. */
  listFor(key: string): unknown[] {
    if (key === "GET /beta/agents") return this.agents;
    if (key === "GET /beta/endusers") return this.endUsers;
    let items = this.lists.get(key);
    if (items === undefined) {
      items = listItems(key, exampleItems(key), this.listSize);
      this.lists.set(key, items);
    }
    return items;
  }

  /**
   * A conversation's notes, oldest first: the spec's two example notes (as if the conversation
   * had them already, with its id as `csid`), then the ones created in the sandbox.
   */
  notesOf(conversationId: number): SandboxNote[] {
    const seeded = (
      exampleItems("GET /beta/conversations/{conversationId}/notes") as SandboxNote[]
    ).map((note) => ({ ...note, csid: conversationId }));
    return [...seeded, ...(this.createdNotes.get(conversationId) ?? [])];
  }

  addNote(note: SandboxNote): void {
    const list = this.createdNotes.get(note.csid) ?? [];
    list.push(note);
    this.createdNotes.set(note.csid, list);
  }
}
