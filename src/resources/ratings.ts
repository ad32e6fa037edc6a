import { callData } from "../call.js";
import type { DixaCore } from "../core.js";
import { pathSegment } from "../http/request-url.js";
import type { CallOptions, RequestBody, ResponseData, Schemas } from "../types.js";
import {
  assertConversationId,
  assertInteger,
  assertNonEmptyString,
  assertObject,
} from "../validate.js";
import { RatingsGeneratedMethods, checkRatingsSubmitBody } from "../../generated/facade/ratings.js";

/** The latest status (offered, rated, ...) of one survey question on a conversation. */
export type ConversationRating = Schemas["ConversationRating"];
export type CreateRatingOfferInput = RequestBody<
  "/beta/conversations/{conversationId}/ratings/offer",
  "post"
>;
/** A rating survey offered on a conversation; its `id` is the `ratingId` to submit against. */
export type RatingOffer = ResponseData<
  "/beta/conversations/{conversationId}/ratings/offer",
  "post"
>;
/**
 * The customer's score. The spec gives the three kinds (Csat, Nps, ThumbsUpOrDown) the same
 * shape, `{ value }`, so only `_type` tells them apart; Dixa's examples send it (e.g.
 * `{ value: 4, _type: "Csat" }`) and the facade requires it.
 */
export type SubmittedRatingResultInput = Schemas["SubmittedRatingResult"] & { _type: string };
/** The customer's answer to a rating offer: the tagged score, and optionally a comment. */
export type SubmitRatingInput = Omit<
  RequestBody<"/beta/conversations/{conversationId}/ratings/{ratingId}/submit", "post">,
  "ratingResult"
> & { ratingResult: SubmittedRatingResultInput };
/** The submitted answer as Dixa recorded it. */
export type SubmittedRating = ResponseData<
  "/beta/conversations/{conversationId}/ratings/{ratingId}/submit",
  "post"
>;

/**
 * Submits the customer's answer to a rating offer; `ratingId` is the offer's `id`.
 * `ratingResult` needs its kind in `_type`, e.g. `{ value: 4, _type: "Csat" }` (Csat 1 to 5,
 * Nps 0 to 10, ThumbsUpOrDown 0 or 1): the spec gives the three kinds the same shape.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsratingidsubmit
 */
export async function ratingsSubmit(
  dixa: DixaCore,
  conversationId: number,
  ratingId: string,
  rating: SubmitRatingInput,
  options?: CallOptions,
): Promise<SubmittedRating> {
  assertConversationId(conversationId);
  assertNonEmptyString(ratingId, "ratingId");
  checkRatingsSubmitBody(rating, "rating");
  // The spec's three kinds of score share one shape, `{ value }`; only `_type`, which the spec
  // leaves out, tells them apart.
  const result: unknown = rating.ratingResult;
  assertObject(result, "rating.ratingResult");
  assertInteger(result["value"], "rating.ratingResult.value");
  assertNonEmptyString(result["_type"], "rating.ratingResult._type");
  return callData(
    dixa,
    "POST",
    "/beta/conversations/{conversationId}/ratings/{ratingId}/submit",
    `/beta/conversations/${conversationId}/ratings/${pathSegment(ratingId, "ratingId")}/submit`,
    undefined,
    rating,
    options,
  );
}

/** Rating surveys offered on conversations and the customers' answers. */
export class RatingsResource extends RatingsGeneratedMethods {
  /**
   * Submits the customer's answer to an offer made with {@link offer}; `ratingId` is that
   * offer's `id`. `ratingResult` needs its kind in `_type`, e.g. `{ value: 4, _type: "Csat" }`
   * (Csat 1 to 5, Nps 0 to 10, ThumbsUpOrDown 0 or 1).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsratingidsubmit
   */
  submit(
    conversationId: number,
    ratingId: string,
    rating: SubmitRatingInput,
    options?: CallOptions,
  ): Promise<SubmittedRating> {
    return ratingsSubmit(this.core, conversationId, ratingId, rating, options);
  }
}
