import type { DixaApi } from "../api.js";
import type { CallOptions, RequestBody, ResponseData, Schemas } from "../types.js";
import {
  assertConversationId,
  assertNonEmptyString,
  assertObject,
  describeValue,
} from "../validate.js";

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

/** Rating surveys offered on conversations and the customers' answers. */
export class RatingsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the latest rating status of a conversation, one entry per survey question: a
   * three-question survey gives three entries (sharing one id), each `Offered` or `Rated`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/ratings/getconversationsconversationidratings
   */
  async list(conversationId: number, options?: CallOptions): Promise<ConversationRating[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/ratings",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Lists a conversation's ratings through the older endpoint.
   * @deprecated Dixa deprecated this endpoint; use {@link RatingsResource.list} instead.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidrating
   */
  async listLegacy(conversationId: number, options?: CallOptions): Promise<ConversationRating[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/rating",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Records that a rating survey of a given `ratingType` (`Csat`, `Nps`, `ThumbsUpOrDown`) was
   * offered on a conversation. Without `userId` Dixa picks the conversation's requester; without
   * `agentId` it picks the agent most likely meant (an agent outside the conversation can skew
   * reports).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsoffer
   */
  async offer(
    conversationId: number,
    offer: CreateRatingOfferInput,
    options?: CallOptions,
  ): Promise<RatingOffer> {
    assertConversationId(conversationId);
    assertObject(offer, "offer");
    assertNonEmptyString(offer["ratingType"], "offer.ratingType");
    for (const field of ["userId", "agentId", "offeredAt"] as const) {
      if (offer[field] !== undefined) assertNonEmptyString(offer[field], `offer.${field}`);
    }
    return this.api.data(
      "post",
      "/beta/conversations/{conversationId}/ratings/offer",
      { params: { path: { conversationId } }, body: offer },
      options,
    );
  }

  /**
   * Submits the customer's answer to an offer made with {@link offer}; `ratingId` is that
   * offer's `id`. `ratingResult` needs its kind in `_type`, e.g. `{ value: 4, _type: "Csat" }`
   * (Csat 1 to 5, Nps 0 to 10, ThumbsUpOrDown 0 or 1).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsratingidsubmit
   */
  async submit(
    conversationId: number,
    ratingId: string,
    rating: SubmitRatingInput,
    options?: CallOptions,
  ): Promise<SubmittedRating> {
    assertConversationId(conversationId);
    assertNonEmptyString(ratingId, "ratingId");
    assertObject(rating, "rating");
    assertObject(rating["ratingResult"], "rating.ratingResult");
    const { value, _type } = rating["ratingResult"] as Record<string, unknown>;
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new TypeError(
        `rating.ratingResult.value must be an integer, got ${describeValue(value)}`,
      );
    }
    assertNonEmptyString(_type, "rating.ratingResult._type");
    if (rating["comment"] !== undefined && typeof rating["comment"] !== "string") {
      throw new TypeError(
        `rating.comment must be a string, got ${describeValue(rating["comment"])}`,
      );
    }
    return this.api.data(
      "post",
      "/beta/conversations/{conversationId}/ratings/{ratingId}/submit",
      { params: { path: { conversationId, ratingId } }, body: rating },
      options,
    );
  }
}
