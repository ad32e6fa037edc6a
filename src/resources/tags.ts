import type { DixaApi } from "../api.js";

/** Tags, and tagging conversations. */
export class TagsResource {
  constructor(private readonly api: DixaApi) {}
}
