import type { DixaApi } from "../api.js";

/** The organization the token belongs to. */
export class OrganizationResource {
  constructor(private readonly api: DixaApi) {}
}
