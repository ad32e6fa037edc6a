import type { DixaApi } from "../api.js";
import type { CallOptions, RequestBody, ResponseData } from "../types.js";
import { assertNonEmptyString, assertObject, assertUuid, describeValue } from "../validate.js";

/**
 * An anonymization request: what it targets (`_type` `Conversation`, `Message` or `User`, and
 * `targetEntityId`), who asked and when, and `processedAt` once it is done.
 */
export type AnonymizationRequest = ResponseData<"/beta/anonymization/request/{requestId}", "get">;
/** What to anonymize: `entityId`, its kind in `_type`, and `forceAnonymization` if needed. */
export type AnonymizeEntityInput = RequestBody<"/beta/anonymization", "post">;

/** Anonymization requests and their status. */
export class AnonymizationResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Fetches an anonymization request made earlier, to see whether it has been processed.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/anonymization/getanonymizationrequestrequestid
   */
  async getRequest(requestId: string, options?: CallOptions): Promise<AnonymizationRequest> {
    assertUuid(requestId, "requestId");
    return this.api.data(
      "get",
      "/beta/anonymization/request/{requestId}",
      { params: { path: { requestId } } },
      options,
    );
  }

  /**
   * Asks Dixa to anonymize a user or a conversation. A conversation must be closed unless
   * `forceAnonymization` is `true`. Resolves with the request, to follow up with
   * {@link getRequest}.
   * @deprecated Dixa deprecated this generic endpoint; use `endUsers.anonymize`,
   * `conversations.anonymize` or `messages.anonymize` instead.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/anonymization/postanonymization
   */
  async request(
    entity: AnonymizeEntityInput,
    options?: CallOptions,
  ): Promise<AnonymizationRequest> {
    assertObject(entity, "entity");
    assertNonEmptyString(entity["entityId"], "entity.entityId");
    if (entity["_type"] !== undefined) assertNonEmptyString(entity["_type"], "entity._type");
    const force = entity["forceAnonymization"];
    if (force !== undefined && typeof force !== "boolean") {
      throw new TypeError(
        `entity.forceAnonymization must be a boolean, got ${describeValue(force)}`,
      );
    }
    return this.api.data("post", "/beta/anonymization", { body: entity }, options);
  }
}
