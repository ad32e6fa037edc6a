import { describe, expect, it } from "vitest";
import { isDixaApiError } from "../../src/index.js";
import { prismClient } from "./prism-client.js";
import { exampleBody, exampleData, exampleRequest } from "./spec-examples.js";

const collectionId = "78dfb531-2e1e-4ffc-bd18-fdad68cd2419";
const categoryId = "5b1c8e4e-2f7e-4a53-9d0e-1f2a3b4c5d6e";
const articleId = "123e4567-e89b-12d3-a456-426614174000";
const parentId = "0d9a4a51-4b7d-4c35-9d5c-0e6f2a1b3c4d";

describe("knowledge against Prism", () => {
  const client = prismClient();

  it("listCollections", async () => {
    expect(await client.knowledge.listCollections({ pageLimit: 20 }).toArray()).toEqual(
      exampleData("getKnowledgeCollections"),
    );
  });

  it("getCollection", async () => {
    expect(await client.knowledge.getCollection(collectionId)).toEqual(
      exampleData("getKnowledgeCollectionsCollectionid"),
    );
  });

  it("getCollectionCatalog", async () => {
    expect(await client.knowledge.getCollectionCatalog(collectionId, { language: "en" })).toEqual(
      exampleData("getKnowledgeCollectionsCollectionidCatalog"),
    );
  });

  it("getCategory", async () => {
    expect(await client.knowledge.getCategory(categoryId, { language: "da" })).toEqual(
      exampleData("getKnowledgeCategoriesCategoryid"),
    );
  });

  it("listCategoryTranslations", async () => {
    expect(await client.knowledge.listCategoryTranslations(categoryId)).toEqual(
      exampleData("getKnowledgeCategoriesCategoryidTranslations"),
    );
  });

  it("getArticle", async () => {
    expect(await client.knowledge.getArticle(articleId)).toEqual(
      exampleData("getKnowledgeArticlesArticleid"),
    );
  });

  it("createArticle", async () => {
    expect(await client.knowledge.createArticle(exampleRequest("postKnowledgeArticles"))).toEqual(
      exampleData("postKnowledgeArticles"),
    );
  });

  it("updateArticle", async () => {
    expect(
      await client.knowledge.updateArticle(
        articleId,
        exampleRequest("patchKnowledgeArticlesArticleid"),
      ),
    ).toEqual(exampleData("patchKnowledgeArticlesArticleid"));
  });

  it("deleteArticle", async () => {
    await expect(client.knowledge.deleteArticle(articleId)).resolves.toBeUndefined();
  });

  it("listArticleTranslations", async () => {
    expect(await client.knowledge.listArticleTranslations(articleId)).toEqual(
      exampleData("getKnowledgeArticlesArticleidTranslations"),
    );
  });

  it("updateArticleTranslations returns the whole answer (data and partialErrors)", async () => {
    expect(
      await client.knowledge.updateArticleTranslations(
        articleId,
        exampleRequest("patchKnowledgeArticlesArticleidTranslations"),
      ),
    ).toEqual(exampleBody("patchKnowledgeArticlesArticleidTranslations"));
  });

  it("publishArticle / unpublishArticle", async () => {
    await expect(client.knowledge.publishArticle(articleId)).resolves.toBeUndefined();
    await expect(client.knowledge.unpublishArticle(articleId)).resolves.toBeUndefined();
  });

  it("publishTranslation / unpublishTranslation / deleteTranslation", async () => {
    await expect(client.knowledge.publishTranslation(articleId, "en")).resolves.toBeUndefined();
    await expect(client.knowledge.unpublishTranslation(articleId, "en")).resolves.toBeUndefined();
    await expect(client.knowledge.deleteTranslation(articleId, "da")).resolves.toBeUndefined();
  });

  it("moveArticle / removeArticleParent", async () => {
    await expect(client.knowledge.moveArticle(articleId, parentId)).resolves.toBeUndefined();
    await expect(client.knowledge.removeArticleParent(articleId)).resolves.toBeUndefined();
  });

  it("uploadAttachments: Prism parses the multipart body but cannot read a file array", async () => {
    // Prism (5.14) turns each multipart part into one string keyed by its name, the last part
    // winning, so the spec's `files: array` never validates: a correct upload (one `files` part
    // per file, as OpenAPI 3 and Dixa define it) always gets Prism's "must be array". The test
    // pins that this is the ONLY thing Prism objects to (content type, boundary and field name
    // are accepted); test/unit/knowledge-upload.test.ts checks the bytes on a real parser.
    const violations: string[] = [];
    const recording = prismClient({
      fetch: async (request) => {
        const response = await fetch(request);
        const header = response.headers.get("sl-violations");
        if (header) {
          for (const v of JSON.parse(header) as Array<{ location: string[]; message: string }>) {
            if (v.location[0] === "request") violations.push(v.message);
          }
        }
        return response;
      },
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const error = await recording.knowledge
      .uploadAttachments([
        { name: "logo.png", data: png },
        new File([png], "banner.jpg", { type: "image/jpeg" }),
      ])
      .catch((e: unknown) => e);
    expect(isDixaApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400 });
    expect(violations).toEqual(["Request body property files must be array"]);
  });
});
