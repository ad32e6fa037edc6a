import type { DixaApi } from "../api.js";

/** Teams of agents. */
export class TeamsResource {
  constructor(private readonly api: DixaApi) {}
}
