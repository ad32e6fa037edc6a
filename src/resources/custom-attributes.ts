import type { DixaApi } from "../api.js";

/** Custom attribute definitions. */
export class CustomAttributesResource {
  constructor(private readonly api: DixaApi) {}
}
