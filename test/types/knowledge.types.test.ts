import { describe, expectTypeOf, it } from "vitest";
import type {
  DixaClient,
  KnowledgeArticle,
  KnowledgeAttachmentFile,
  KnowledgeAttachmentUploadResult,
  KnowledgeCollection,
  Paginated,
  UpdateKnowledgeTranslationsResult,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Knowledge = DixaClient["knowledge"];

describe("knowledge types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<KnowledgeArticle>().toEqualTypeOf<components["schemas"]["Article"]>();
    expectTypeOf<Knowledge["getArticle"]>().returns.resolves.toEqualTypeOf<KnowledgeArticle>();
    expectTypeOf<Knowledge["listCollections"]>().returns.toEqualTypeOf<
      Paginated<components["schemas"]["Collection"]>
    >();
    expectTypeOf<KnowledgeCollection>().toEqualTypeOf<components["schemas"]["Collection"]>();
    // The answers with partial errors come back whole.
    expectTypeOf<UpdateKnowledgeTranslationsResult>().toEqualTypeOf<
      components["schemas"]["UpdateTranslationsOutput"]
    >();
    expectTypeOf<KnowledgeAttachmentUploadResult>().toEqualTypeOf<
      components["schemas"]["UploadAttachmentsOutput"]
    >();
    expectTypeOf<Knowledge["publishArticle"]>().returns.resolves.toBeVoid();
  });

  it("inputs", () => {
    expectTypeOf<Parameters<Knowledge["createArticle"]>[0]>().toEqualTypeOf<
      components["schemas"]["CreateKnowledgeArticleInput"]
    >();
    expectTypeOf<Knowledge["uploadAttachments"]>().toBeCallableWith([
      new File([], "a.png"),
      { name: "b.png", data: new Uint8Array() },
      { name: "c.png", data: new Blob(), type: "image/png" },
    ]);
    expectTypeOf<KnowledgeAttachmentFile>().toExtend<
      File | { name: string; data: Blob | Uint8Array | ArrayBuffer; type?: string }
    >();
    // @ts-expect-error a plain Blob has no file name
    expectTypeOf<Knowledge["uploadAttachments"]>().toBeCallableWith([new Blob()]);
    const noTitle = { translations: [{ languageId: "en" }] };
    // @ts-expect-error a translation needs a title
    expectTypeOf<Knowledge["createArticle"]>().toBeCallableWith(noTitle);
  });
});
