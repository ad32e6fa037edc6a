import type { DixaApi } from "../api.js";
import type { CallOptions, ResponseData } from "../types.js";

/** The organization: id, name, subdomain, status (`Active` or `Suspended`), avatar. */
export type Organization = ResponseData<"/beta/organization", "get">;

/** The organization the token belongs to. */
export class OrganizationResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Fetches the details of the organization that owns the API token.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/organization/getorganization
   */
  async get(options?: CallOptions): Promise<Organization> {
    return this.api.data("get", "/beta/organization", {}, options);
  }
}
