import type { DixaApi } from "../api.js";
import type { CallOptions, ResponseData } from "../types.js";
import { assertNonEmptyString } from "../validate.js";

/** The definition of a custom attribute of conversations or contacts (text or select). */
export type CustomAttributeDefinition = ResponseData<
  "/beta/custom-attributes/{customAttributeId}",
  "get"
>;

/** Custom attribute definitions. */
export class CustomAttributesResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Fetches one custom attribute definition by its id.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/custom-attributes/getcustom-attributescustomattributeid
   */
  async get(customAttributeId: string, options?: CallOptions): Promise<CustomAttributeDefinition> {
    // The spec declares this id a plain string (no uuid format), although definitions carry UUIDs.
    assertNonEmptyString(customAttributeId, "customAttributeId");
    return this.api.data(
      "get",
      "/beta/custom-attributes/{customAttributeId}",
      { params: { path: { customAttributeId } } },
      options,
    );
  }

  /**
   * Lists every custom attribute definition of the organization, for conversations and for
   * contacts alike. Not paged.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/custom-attributes/getcustom-attributes
   */
  async list(options?: CallOptions): Promise<CustomAttributeDefinition[]> {
    return this.api.data("get", "/beta/custom-attributes", {}, options);
  }
}
