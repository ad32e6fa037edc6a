import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;
const articleId = "123e4567-e89b-12d3-a456-426614174000";
const otherId = "78dfb531-2e1e-4ffc-bd18-fdad68cd2419";
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe("knowledge", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => unknown, RegExp]> = [
      [
        "listCollections: a zero pageLimit",
        (c) => c.knowledge.listCollections({ pageLimit: 0 }),
        /query\.pageLimit must be a positive integer, got the number 0/,
      ],
      [
        "getCollection: a non-UUID id",
        (c) => c.knowledge.getCollection("faq"),
        /collectionId must be a UUID string, got a string of 3 characters/,
      ],
      [
        "getCollectionCatalog: a non-UUID id",
        (c) => c.knowledge.getCollectionCatalog(42 as never),
        /collectionId must be a UUID string, got the number 42/,
      ],
      [
        "getCollectionCatalog: a language that is not a string",
        (c) => c.knowledge.getCollectionCatalog(otherId, { language: [] as never }),
        /query\.language must be a string/,
      ],
      [
        "getCategory: a non-UUID id",
        (c) => c.knowledge.getCategory(""),
        /categoryId must be a UUID string, got an empty string/,
      ],
      [
        "getCategory: a query that is not an object",
        (c) => c.knowledge.getCategory(otherId, "en" as never),
        /query must be an object/,
      ],
      [
        "listCategoryTranslations: a non-UUID id",
        (c) => c.knowledge.listCategoryTranslations("x"),
        /categoryId must be a UUID string/,
      ],
      [
        "getArticle: a non-UUID id",
        (c) => c.knowledge.getArticle("article-1"),
        /articleId must be a UUID string/,
      ],
      [
        "getArticle: a language that is not a string",
        (c) => c.knowledge.getArticle(articleId, { language: 1 as never }),
        /query\.language must be a string, got the number 1/,
      ],
      [
        "createArticle: not an object",
        (c) => c.knowledge.createArticle(null as never),
        /article must be an object, got null/,
      ],
      [
        "createArticle: translations not an array",
        (c) => c.knowledge.createArticle({ translations: {} as never }),
        /article\.translations must be an array, got object/,
      ],
      [
        "createArticle: a translation without title",
        (c) =>
          c.knowledge.createArticle({
            translations: [{ languageId: "en", title: "A" }, { languageId: "da" } as never],
          }),
        /article\.translations\[1\]\.title must be a non-empty string, got undefined/,
      ],
      [
        "createArticle: a translation without languageId",
        (c) => c.knowledge.createArticle({ translations: [{ title: "A" } as never] }),
        /article\.translations\[0\]\.languageId must be a non-empty string/,
      ],
      [
        "createArticle: content that is not a string",
        (c) =>
          c.knowledge.createArticle({
            translations: [{ languageId: "en", title: "A", content: 5 as never }],
          }),
        /article\.translations\[0\]\.content must be a string, got the number 5/,
      ],
      [
        "createArticle: an empty tag id",
        (c) => c.knowledge.createArticle({ tags: ["t1", ""] }),
        /article\.tags\[1\] must be a non-empty string/,
      ],
      [
        "createArticle: a parentId that is not a string",
        (c) => c.knowledge.createArticle({ parentId: 7 as never }),
        /article\.parentId must be a string/,
      ],
      [
        "updateArticle: a non-UUID id",
        (c) => c.knowledge.updateArticle("1", { preRelease: true }),
        /articleId must be a UUID string/,
      ],
      [
        "updateArticle: changes not an object",
        (c) => c.knowledge.updateArticle(articleId, [] as never),
        /changes must be an object, got an array of 0/,
      ],
      [
        "updateArticle: tags.add not an array",
        (c) => c.knowledge.updateArticle(articleId, { tags: { add: "t1" as never } }),
        /changes\.tags\.add must be an array/,
      ],
      [
        "updateArticle: an ownedBy that is not a string",
        (c) => c.knowledge.updateArticle(articleId, { ownedBy: null as never }),
        /changes\.ownedBy must be a string/,
      ],
      [
        "deleteArticle: a non-UUID id",
        (c) => c.knowledge.deleteArticle("nope"),
        /articleId must be a UUID string/,
      ],
      [
        "listArticleTranslations: a non-UUID id",
        (c) => c.knowledge.listArticleTranslations("nope"),
        /articleId must be a UUID string/,
      ],
      [
        "updateArticleTranslations: a non-UUID id",
        (c) => c.knowledge.updateArticleTranslations("nope", { translations: [] }),
        /articleId must be a UUID string/,
      ],
      [
        "updateArticleTranslations: a translation without languageId",
        (c) =>
          c.knowledge.updateArticleTranslations(articleId, {
            translations: [{ languageId: "", title: "T" }],
          }),
        /changes\.translations\[0\]\.languageId must be a non-empty string, got an empty string/,
      ],
      [
        "publishArticle: a non-UUID id",
        (c) => c.knowledge.publishArticle("nope"),
        /articleId must be a UUID string/,
      ],
      [
        "unpublishArticle: a non-UUID id",
        (c) => c.knowledge.unpublishArticle(undefined as never),
        /articleId must be a UUID string, got undefined/,
      ],
      [
        "publishTranslation: a non-UUID article id",
        (c) => c.knowledge.publishTranslation("nope", "en"),
        /articleId must be a UUID string/,
      ],
      [
        "publishTranslation: an empty language",
        (c) => c.knowledge.publishTranslation(articleId, ""),
        /languageId must be a non-empty string/,
      ],
      [
        "unpublishTranslation: an empty language",
        (c) => c.knowledge.unpublishTranslation(articleId, " "),
        /languageId must be a non-empty string/,
      ],
      [
        "unpublishTranslation: a non-UUID article id",
        (c) => c.knowledge.unpublishTranslation("x", "en"),
        /articleId must be a UUID string/,
      ],
      [
        "deleteTranslation: a non-UUID article id",
        (c) => c.knowledge.deleteTranslation("x", "en"),
        /articleId must be a UUID string/,
      ],
      [
        "deleteTranslation: a missing language",
        (c) => c.knowledge.deleteTranslation(articleId, undefined as never),
        /languageId must be a non-empty string, got undefined/,
      ],
      [
        "moveArticle: a non-UUID article id",
        (c) => c.knowledge.moveArticle("x", otherId),
        /articleId must be a UUID string/,
      ],
      [
        "moveArticle: a non-UUID parent id",
        (c) => c.knowledge.moveArticle(articleId, "root"),
        /parentId must be a UUID string, got a string of 4 characters/,
      ],
      [
        "removeArticleParent: a non-UUID id",
        (c) => c.knowledge.removeArticleParent("x"),
        /articleId must be a UUID string/,
      ],
      [
        "uploadAttachments: no files",
        (c) => c.knowledge.uploadAttachments([]),
        /files must be a non-empty array, got an array of 0/,
      ],
      [
        "uploadAttachments: not an array",
        (c) => c.knowledge.uploadAttachments(new File([png], "a.png") as never),
        /files must be a non-empty array, got object/,
      ],
      [
        "uploadAttachments: a Blob without a name",
        (c) => c.knowledge.uploadAttachments([new Blob([png]) as never]),
        /files\[0\] is a Blob without a file name: pass a File or \{ name, data \}/,
      ],
      [
        "uploadAttachments: a File with an empty name",
        (c) => c.knowledge.uploadAttachments([new File([png], "")]),
        /files\[0\]\.name must be a non-empty string, got an empty string/,
      ],
      [
        "uploadAttachments: no name",
        (c) =>
          c.knowledge.uploadAttachments([{ name: "a.png", data: png }, { data: png } as never]),
        /files\[1\]\.name must be a non-empty string, got undefined/,
      ],
      [
        "uploadAttachments: data that is a string",
        (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: "iVBORw0KGgo=" as never }]),
        /files\[0\]\.data must be a Blob, a Uint8Array \(a Node Buffer is one\) or an ArrayBuffer, got a string of 12 characters/,
      ],
      [
        "uploadAttachments: an empty file",
        (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: new Uint8Array() }]),
        /files\[0\] is empty \(0 bytes\)/,
      ],
      [
        "uploadAttachments: a type that is not a string",
        (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: png, type: 1 as never }]),
        /files\[0\]\.type must be a string, got the number 1/,
      ],
      [
        "uploadAttachments: a file that is null",
        (c) => c.knowledge.uploadAttachments([null as never]),
        /files\[0\] must be an object, got null/,
      ],
    ];
    it.each(cases)("%s", async (_name, call, message) => {
      server = await startLoopbackServer((_request, response) =>
        sendJson(response, 200, { data: {} }),
      );
      const client = clientFor(server);
      await expect(Promise.resolve().then(() => call(client))).rejects.toThrow(TypeError);
      await expect(Promise.resolve().then(() => call(client))).rejects.toThrow(message);
      expect(server.requests).toHaveLength(0);
    });

    it("listCollections throws at call time, before anything is sent", async () => {
      server = await startLoopbackServer((_request, response) =>
        sendJson(response, 200, { data: [] }),
      );
      expect(() => clientFor(server!).knowledge.listCollections({ pageLimit: -1 })).toThrow(
        /query\.pageLimit must be a positive integer/,
      );
      expect(server.requests).toHaveLength(0);
    });
  });

  it("updateArticleTranslations returns partialErrors alongside data", async () => {
    const answer = {
      data: [],
      partialErrors: [{ languageId: "xx", message: "Unsupported language" }],
    };
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, answer));
    const changes = { translations: [{ languageId: "xx", title: "T" }] };
    expect(await clientFor(server).knowledge.updateArticleTranslations(articleId, changes)).toEqual(
      answer,
    );
    expect(server.requests[0]).toMatchObject({
      method: "PATCH",
      url: `/beta/knowledge/articles/${articleId}/translations`,
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(changes);
  });

  it("an empty 200 answer where a body is promised is a DixaMalformedResponseError", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200);
      response.end();
    });
    await expect(
      clientFor(server).knowledge.updateArticleTranslations(articleId, { translations: [] }),
    ).rejects.toMatchObject({ name: "DixaMalformedResponseError" });
  });

  it("the 204 operations send no body and resolve undefined", async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const k = clientFor(server).knowledge;
    await expect(k.publishArticle(articleId)).resolves.toBeUndefined();
    await expect(k.moveArticle(articleId, otherId)).resolves.toBeUndefined();
    await expect(k.deleteTranslation(articleId, "pt-BR")).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", `/beta/knowledge/articles/${articleId}/publish`, ""],
      ["PATCH", `/beta/knowledge/articles/${articleId}/parent/${otherId}`, ""],
      ["DELETE", `/beta/knowledge/articles/${articleId}/translations/pt-BR`, ""],
    ]);
  });
});
