import type { DixaApi } from "../api.js";

/** Conversation search. */
export class SearchResource {
  constructor(private readonly api: DixaApi) {}
}
