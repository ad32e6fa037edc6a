import type { DixaApi } from "../api.js";

/** Anonymization requests and their status. */
export class AnonymizationResource {
  constructor(private readonly api: DixaApi) {}
}
