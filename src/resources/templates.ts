import type { DixaApi } from "../api.js";

/** Message templates. */
export class TemplatesResource {
  constructor(private readonly api: DixaApi) {}
}
