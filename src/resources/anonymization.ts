import type { RequestBody, ResponseData } from "../types.js";

/**
 * An anonymization request: what it targets (`_type` `Conversation`, `Message` or `User`, and
 * `targetEntityId`), who asked and when, and `processedAt` once it is done.
 */
export type AnonymizationRequest = ResponseData<"/beta/anonymization/request/{requestId}", "get">;
/** What to anonymize: `entityId`, its kind in `_type`, and `forceAnonymization` if needed. */
export type AnonymizeEntityInput = RequestBody<"/beta/anonymization", "post">;
