import type { DixaApi } from "../api.js";

/** Messages in a conversation. */
export class MessagesResource {
  constructor(private readonly api: DixaApi) {}
}
