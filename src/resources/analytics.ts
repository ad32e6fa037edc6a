import type { DixaApi } from "../api.js";

/** Analytics: metrics and records catalogues and their data. */
export class AnalyticsResource {
  constructor(private readonly api: DixaApi) {}
}
