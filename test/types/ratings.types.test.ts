import { describe, expectTypeOf, it } from "vitest";
import type {
  ConversationRating,
  CreateRatingOfferInput,
  DixaClient,
  RatingOffer,
  SubmittedRating,
  SubmitRatingInput,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type S = components["schemas"];

describe("ratings types come from the generated spec", () => {
  it("ratings", () => {
    expectTypeOf<ConversationRating>().toEqualTypeOf<S["ConversationRating"]>();
    expectTypeOf<DixaClient["ratings"]["list"]>().returns.resolves.toEqualTypeOf<
      S["ConversationRating"][]
    >();
    expectTypeOf<CreateRatingOfferInput>().toEqualTypeOf<S["CreateRatingOfferInput"]>();
    expectTypeOf<RatingOffer>().toEqualTypeOf<S["RatingOffer"]>();
    expectTypeOf<SubmittedRating>().toEqualTypeOf<S["RatingResult"]>();
  });

  it("a submitted score carries its kind in _type, which the spec leaves out", () => {
    expectTypeOf<SubmitRatingInput["ratingResult"]>().toExtend<S["SubmittedRatingResult"]>();
    expectTypeOf<DixaClient["ratings"]["submit"]>().toBeCallableWith(1, "r", {
      ratingResult: { value: 4, _type: "Csat" },
      comment: "Best customer service ever!",
    });
    expectTypeOf<DixaClient["ratings"]["submit"]>().toBeCallableWith(1, "r", {
      // @ts-expect-error without _type Dixa cannot tell Csat, Nps and ThumbsUpOrDown apart
      ratingResult: { value: 4 },
    });
  });
});
