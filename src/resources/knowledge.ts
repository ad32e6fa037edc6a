import type { DixaApi } from "../api.js";

/** Knowledge base: collections, categories, articles and translations. */
export class KnowledgeResource {
  constructor(private readonly api: DixaApi) {}
}
