import type { DixaApi } from "../api.js";

/** End users (contacts): the customers who talk to the organization. */
export class EndUsersResource {
  constructor(private readonly api: DixaApi) {}
}
