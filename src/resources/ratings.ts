import type { DixaApi } from "../api.js";

/** Rating surveys offered on conversations and the customers' answers. */
export class RatingsResource {
  constructor(private readonly api: DixaApi) {}
}
