import type { DixaApi } from "../api.js";

/** Business hours schedules. */
export class BusinessHoursResource {
  constructor(private readonly api: DixaApi) {}
}
