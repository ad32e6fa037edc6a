import type { DixaApi } from "../api.js";
import type { CallOptions, QueryParams, ResponseData } from "../types.js";
import { assertNonEmptyString, assertObject } from "../validate.js";

/** An e-mail address or a phone number customers reach the organization on. */
export type ContactEndpoint = ResponseData<"/beta/contact-endpoints/{contactEndpointId}", "get">;
/** `_type` narrows the list to `"EmailEndpoint"` or `"TelephonyEndpoint"` endpoints. */
export type ListContactEndpointsQuery = QueryParams<"/beta/contact-endpoints", "get">;

/** Contact endpoints: the addresses and numbers customers reach the organization on. */
export class ContactEndpointsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Fetches one contact endpoint, named by its e-mail address or its E.164 phone number
   * (for example `"+4531434343"`); the id is URL-encoded for you.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/contact-endpoints/getcontact-endpointscontactendpointid
   */
  async get(contactEndpointId: string, options?: CallOptions): Promise<ContactEndpoint> {
    assertNonEmptyString(contactEndpointId, "contactEndpointId");
    return this.api.data(
      "get",
      "/beta/contact-endpoints/{contactEndpointId}",
      { params: { path: { contactEndpointId } } },
      options,
    );
  }

  /**
   * Lists every contact endpoint of the organization, or only one kind with
   * `{ _type: "EmailEndpoint" }` / `{ _type: "TelephonyEndpoint" }`. Not paged.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/contact-endpoints/getcontact-endpoints
   */
  async list(
    query: ListContactEndpointsQuery = {},
    options?: CallOptions,
  ): Promise<ContactEndpoint[]> {
    assertObject(query, "query");
    if (query._type !== undefined) assertNonEmptyString(query._type, "query._type");
    return this.api.data("get", "/beta/contact-endpoints", { params: { query } }, options);
  }
}
