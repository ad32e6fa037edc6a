import type { DixaApi } from "../api.js";

/** Conversations: create, import, read, route and change their state. */
export class ConversationsResource {
  constructor(private readonly api: DixaApi) {}
}
