import type { DixaApi } from "../api.js";

/** Contact endpoints: the addresses and numbers customers reach the organization on. */
export class ContactEndpointsResource {
  constructor(private readonly api: DixaApi) {}
}
