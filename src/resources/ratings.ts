import type { DixaCore } from "../core.js";
import { nonEmptyString, positiveId } from "../checks.js";
import { asData, body, path, perform } from "../operation.js";
import type { CallOptions, RequestBody, Schemas } from "../types.js";
import { assertInteger, assertNonEmptyString, assertObject } from "../validate.js";
import { checkCreateRatingResultInput } from "../../generated/facade/checks.js";
import { RatingsGeneratedMethods } from "../../generated/facade/resources.js";
import type { SubmittedRating } from "../../generated/facade/types.js";

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

type SubmitArgs = [
  conversationId: number,
  ratingId: string,
  rating: SubmitRatingInput,
  options?: CallOptions,
];

/** The spec's checks, then the score's kind, which only `_type` (left out by the spec) tells. */
function checkRating(rating: unknown, label: string): void {
  checkCreateRatingResultInput(rating, label);
  const result = (rating as { ratingResult: unknown }).ratingResult;
  assertObject(result, `${label}.ratingResult`);
  assertInteger(result["value"], `${label}.ratingResult.value`);
  assertNonEmptyString(result["_type"], `${label}.ratingResult._type`);
}

/** The function form of {@link RatingsResource.submit}. */
export function ratingsSubmit(dixa: DixaCore, ...args: SubmitArgs): Promise<SubmittedRating> {
  return perform(
    dixa,
    args,
    "POST /beta/conversations/{conversationId}/ratings/{ratingId}/submit",
    asData,
    () => [
      path("conversationId", positiveId),
      path("ratingId", nonEmptyString),
      body("rating", checkRating),
    ],
  );
}

/** Rating surveys offered on conversations and the customers' answers. */
export class RatingsResource extends RatingsGeneratedMethods {
  /**
   * Submits the customer's answer to an offer made with {@link offer}; `ratingId` is that
   * offer's `id`. `ratingResult` needs its kind in `_type`, e.g. `{ value: 4, _type: "Csat" }`
   * (Csat 1 to 5, Nps 0 to 10, ThumbsUpOrDown 0 or 1): the spec gives the three kinds the same
   * shape.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsratingidsubmit
   */
  submit(...args: SubmitArgs): Promise<SubmittedRating> {
    return ratingsSubmit(this.core, ...args);
  }
}
