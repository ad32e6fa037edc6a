import type { DixaApi } from "../api.js";

/** Queues that route conversations to agents. */
export class QueuesResource {
  constructor(private readonly api: DixaApi) {}
}
