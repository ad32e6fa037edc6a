import type { DixaApi } from "../api.js";

/** Webhook subscriptions and their delivery logs. */
export class WebhooksResource {
  constructor(private readonly api: DixaApi) {}
}
