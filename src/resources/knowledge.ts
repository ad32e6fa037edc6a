import type { DixaApi } from "../api.js";
import { DixaMalformedResponseError } from "../errors.js";
import type { Paginated } from "../paginate.js";
import type {
  CallOptions,
  ListQuery,
  QueryParams,
  RequestBody,
  ResponseBody,
  ResponseData,
  Schemas,
} from "../types.js";
import {
  assertEach,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  assertOptionalStringList,
  assertPositiveInteger,
  assertUuid,
  describeValue,
} from "../validate.js";

export type KnowledgeCollection = ResponseData<"/beta/knowledge/collections/{collectionId}", "get">;
export type ListKnowledgeCollectionsQuery = ListQuery<"/beta/knowledge/collections", "get">;
/** A collection's tree: its categories (nested) and articles, titles in one language. */
export type KnowledgeCollectionCatalog = ResponseData<
  "/beta/knowledge/collections/{collectionId}/catalog",
  "get"
>;
/** `language`: the language of the titles; the organization's default when left out. */
export type KnowledgeCatalogQuery = QueryParams<
  "/beta/knowledge/collections/{collectionId}/catalog",
  "get"
>;
export type KnowledgeCategory = ResponseData<"/beta/knowledge/categories/{categoryId}", "get">;
/** `language`: the language of the title; the organization's default when left out. */
export type KnowledgeCategoryQuery = QueryParams<"/beta/knowledge/categories/{categoryId}", "get">;
/** `{ titles }`: the category's title in every language it has. */
export type KnowledgeCategoryTranslations = ResponseData<
  "/beta/knowledge/categories/{categoryId}/translations",
  "get"
>;
export type KnowledgeArticle = ResponseData<"/beta/knowledge/articles/{articleId}", "get">;
/** `language`: the language of the translation returned; the default one when left out. */
export type KnowledgeArticleQuery = QueryParams<"/beta/knowledge/articles/{articleId}", "get">;
/** One language version of an article (draft or published). */
export type KnowledgeArticleTranslation = Schemas["ArticleTranslation"];
/** `{ translations: { draft, published } }`: every language version of an article. */
export type KnowledgeArticleTranslations = ResponseData<
  "/beta/knowledge/articles/{articleId}/translations",
  "get"
>;
export type CreateKnowledgeArticleInput = RequestBody<"/beta/knowledge/articles", "post">;
export type UpdateKnowledgeArticleInput = RequestBody<
  "/beta/knowledge/articles/{articleId}",
  "patch"
>;
export type UpdateKnowledgeTranslationsInput = RequestBody<
  "/beta/knowledge/articles/{articleId}/translations",
  "patch"
>;
/**
 * The whole answer, not just `data`: the translations saved (`data`) and, per language that
 * failed, why (`partialErrors`). Some can succeed while others fail.
 */
export type UpdateKnowledgeTranslationsResult = ResponseBody<
  "/beta/knowledge/articles/{articleId}/translations",
  "patch"
>;

/**
 * One file for {@link KnowledgeResource.uploadAttachments}: a `File` (from an
 * `<input type="file">`, or `new File([bytes], "logo.png")` in Node), or a name with the
 * bytes as a Blob, a Uint8Array (a Node Buffer is one) or an ArrayBuffer. `type` is the
 * media type; when neither it nor the Blob gives one, it is taken from the file name's
 * extension (.png, .jpg/.jpeg, .gif, .webp).
 */
export type KnowledgeAttachmentFile =
  File | { name: string; data: Blob | Uint8Array | ArrayBuffer; type?: string };
/**
 * The whole answer: the uploaded files' public URLs (`data`) and, per file that failed, why
 * (`partialErrors`, with an HTTP-like `code`). Some files can succeed while others fail.
 */
export type KnowledgeAttachmentUploadResult = ResponseBody<
  "/beta/knowledge/articles/attachments",
  "post"
>;

/** Knowledge base: collections, categories, articles and translations. */
export class KnowledgeResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the knowledge collections, page by page as you iterate.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollections
   */
  listCollections(
    query: ListKnowledgeCollectionsQuery = {},
    options?: CallOptions,
  ): Paginated<KnowledgeCollection> {
    assertObject(query, "query");
    if (query.pageLimit !== undefined) assertPositiveInteger(query.pageLimit, "query.pageLimit");
    return this.api.list("get", "/beta/knowledge/collections", { params: { query } }, options);
  }

  /**
   * Fetches one knowledge collection.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollectionscollectionid
   */
  async getCollection(collectionId: string, options?: CallOptions): Promise<KnowledgeCollection> {
    assertUuid(collectionId, "collectionId");
    return this.api.data(
      "get",
      "/beta/knowledge/collections/{collectionId}",
      { params: { path: { collectionId } } },
      options,
    );
  }

  /**
   * Fetches a collection's whole tree of categories and articles, with titles in `language`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollectionscollectionidcatalog
   */
  async getCollectionCatalog(
    collectionId: string,
    query: KnowledgeCatalogQuery = {},
    options?: CallOptions,
  ): Promise<KnowledgeCollectionCatalog> {
    assertUuid(collectionId, "collectionId");
    assertLanguageQuery(query);
    return this.api.data(
      "get",
      "/beta/knowledge/collections/{collectionId}/catalog",
      { params: { path: { collectionId }, query } },
      options,
    );
  }

  /**
   * Fetches one knowledge category, its title in `language`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecategoriescategoryid
   */
  async getCategory(
    categoryId: string,
    query: KnowledgeCategoryQuery = {},
    options?: CallOptions,
  ): Promise<KnowledgeCategory> {
    assertUuid(categoryId, "categoryId");
    assertLanguageQuery(query);
    return this.api.data(
      "get",
      "/beta/knowledge/categories/{categoryId}",
      { params: { path: { categoryId }, query } },
      options,
    );
  }

  /**
   * Lists a category's title in each of its languages.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecategoriescategoryidtranslations
   */
  async listCategoryTranslations(
    categoryId: string,
    options?: CallOptions,
  ): Promise<KnowledgeCategoryTranslations> {
    assertUuid(categoryId, "categoryId");
    return this.api.data(
      "get",
      "/beta/knowledge/categories/{categoryId}/translations",
      { params: { path: { categoryId } } },
      options,
    );
  }

  /**
   * Fetches one knowledge article, with its draft and published version in `language`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgearticlesarticleid
   */
  async getArticle(
    articleId: string,
    query: KnowledgeArticleQuery = {},
    options?: CallOptions,
  ): Promise<KnowledgeArticle> {
    assertUuid(articleId, "articleId");
    assertLanguageQuery(query);
    return this.api.data(
      "get",
      "/beta/knowledge/articles/{articleId}",
      { params: { path: { articleId }, query } },
      options,
    );
  }

  /**
   * Creates a knowledge article, optionally with its first translations (each needs
   * `languageId` and `title`), a parent category, tags and the pre-release flag.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticles
   */
  async createArticle(
    article: CreateKnowledgeArticleInput,
    options?: CallOptions,
  ): Promise<KnowledgeArticle> {
    assertObject(article, "article");
    assertTranslations(article["translations"], "article.translations");
    if (article["parentId"] !== undefined) {
      assertNonEmptyString(article["parentId"], "article.parentId");
    }
    assertOptionalStringList(article["tags"], "article.tags");
    return this.api.data("post", "/beta/knowledge/articles", { body: article }, options);
  }

  /**
   * Changes an article's owner, adds or removes tags, or sets the pre-release flag. Fields left
   * out keep their value.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleid
   */
  async updateArticle(
    articleId: string,
    changes: UpdateKnowledgeArticleInput,
    options?: CallOptions,
  ): Promise<KnowledgeArticle> {
    assertUuid(articleId, "articleId");
    assertObject(changes, "changes");
    if (changes["ownedBy"] !== undefined) {
      assertNonEmptyString(changes["ownedBy"], "changes.ownedBy");
    }
    const tags = changes["tags"];
    if (tags !== undefined) {
      assertObject(tags, "changes.tags");
      assertOptionalStringList(tags["add"], "changes.tags.add");
      assertOptionalStringList(tags["remove"], "changes.tags.remove");
    }
    return this.api.data(
      "patch",
      "/beta/knowledge/articles/{articleId}",
      { params: { path: { articleId } }, body: changes },
      options,
    );
  }

  /**
   * Deletes a knowledge article.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleid
   */
  async deleteArticle(articleId: string, options?: CallOptions): Promise<void> {
    assertUuid(articleId, "articleId");
    return this.api.void(
      "delete",
      "/beta/knowledge/articles/{articleId}",
      { params: { path: { articleId } } },
      options,
    );
  }

  /**
   * Lists every language version of an article, drafts and published ones.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgearticlesarticleidtranslations
   */
  async listArticleTranslations(
    articleId: string,
    options?: CallOptions,
  ): Promise<KnowledgeArticleTranslations> {
    assertUuid(articleId, "articleId");
    return this.api.data(
      "get",
      "/beta/knowledge/articles/{articleId}/translations",
      { params: { path: { articleId } } },
      options,
    );
  }

  /**
   * Creates or updates language versions of an article (each needs `languageId` and `title`).
   * Languages can fail one by one: the result carries both the saved translations (`data`) and
   * the failures (`partialErrors`), so check both.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleidtranslations
   */
  async updateArticleTranslations(
    articleId: string,
    changes: UpdateKnowledgeTranslationsInput,
    options?: CallOptions,
  ): Promise<UpdateKnowledgeTranslationsResult> {
    assertUuid(articleId, "articleId");
    assertObject(changes, "changes");
    assertTranslations(changes["translations"], "changes.translations");
    const path = "/beta/knowledge/articles/{articleId}/translations";
    const body = await this.api.send(
      "patch",
      path,
      { params: { path: { articleId } }, body: changes },
      options,
    );
    return objectBody(body, "PATCH", path);
  }

  /**
   * Publishes a new version of every translation of an article.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidpublish
   */
  async publishArticle(articleId: string, options?: CallOptions): Promise<void> {
    assertUuid(articleId, "articleId");
    return this.api.void(
      "post",
      "/beta/knowledge/articles/{articleId}/publish",
      { params: { path: { articleId } } },
      options,
    );
  }

  /**
   * Takes every translation of an article out of search.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidunpublish
   */
  async unpublishArticle(articleId: string, options?: CallOptions): Promise<void> {
    assertUuid(articleId, "articleId");
    return this.api.void(
      "post",
      "/beta/knowledge/articles/{articleId}/unpublish",
      { params: { path: { articleId } } },
      options,
    );
  }

  /**
   * Publishes one language version of an article, making it searchable.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidtranslationslanguageidpublish
   */
  async publishTranslation(
    articleId: string,
    languageId: string,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(articleId, "articleId");
    assertNonEmptyString(languageId, "languageId");
    return this.api.void(
      "post",
      "/beta/knowledge/articles/{articleId}/translations/{languageId}/publish",
      { params: { path: { articleId, languageId } } },
      options,
    );
  }

  /**
   * Marks one language version of an article as unpublished.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidtranslationslanguageidunpublish
   */
  async unpublishTranslation(
    articleId: string,
    languageId: string,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(articleId, "articleId");
    assertNonEmptyString(languageId, "languageId");
    return this.api.void(
      "post",
      "/beta/knowledge/articles/{articleId}/translations/{languageId}/unpublish",
      { params: { path: { articleId, languageId } } },
      options,
    );
  }

  /**
   * Deletes one language of an article, every version of it (draft and published).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleidtranslationslanguageid
   */
  async deleteTranslation(
    articleId: string,
    languageId: string,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(articleId, "articleId");
    assertNonEmptyString(languageId, "languageId");
    return this.api.void(
      "delete",
      "/beta/knowledge/articles/{articleId}/translations/{languageId}",
      { params: { path: { articleId, languageId } } },
      options,
    );
  }

  /**
   * Moves an article under another parent (a category).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleidparentparentid
   */
  async moveArticle(articleId: string, parentId: string, options?: CallOptions): Promise<void> {
    assertUuid(articleId, "articleId");
    assertUuid(parentId, "parentId");
    return this.api.void(
      "patch",
      "/beta/knowledge/articles/{articleId}/parent/{parentId}",
      { params: { path: { articleId, parentId } } },
      options,
    );
  }

  /**
   * Detaches an article from its parent.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleidparent
   */
  async removeArticleParent(articleId: string, options?: CallOptions): Promise<void> {
    assertUuid(articleId, "articleId");
    return this.api.void(
      "delete",
      "/beta/knowledge/articles/{articleId}/parent",
      { params: { path: { articleId } } },
      options,
    );
  }

  /**
   * Uploads images to use in articles, as one multipart/form-data request (one `files` part
   * per file, with its file name). Dixa takes PNG, JPEG, GIF and WebP, at most 5 files per
   * request, 4 MB per file and 10 MB in all. Files can fail one by one: the result carries
   * the uploaded files' URLs (`data`) and the failures (`partialErrors`), so check both.
   *
   * ```ts
   * // Node
   * const bytes = await readFile("logo.png");
   * await dixa.knowledge.uploadAttachments([{ name: "logo.png", data: bytes }]);
   * // Browser
   * await dixa.knowledge.uploadAttachments([...input.files!]);
   * ```
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesattachments
   */
  async uploadAttachments(
    files: readonly KnowledgeAttachmentFile[],
    options?: CallOptions,
  ): Promise<KnowledgeAttachmentUploadResult> {
    assertNonEmptyArray(files, "files");
    const parts = files.map((file, index) => attachmentPart(file, `files[${index}]`));
    const form = new FormData();
    for (const { name, blob } of parts) form.append("files", blob, name);
    const path = "/beta/knowledge/articles/attachments";
    const body = await this.api.send(
      "post",
      path,
      // FormData passes through as is, so fetch sets the multipart Content-Type and boundary.
      { body: form },
      options,
    );
    return objectBody(body, "POST", path);
  }
}

function assertLanguageQuery(query: unknown): void {
  assertObject(query, "query");
  if (query["language"] !== undefined) assertNonEmptyString(query["language"], "query.language");
}

/** Optional list of translations; each present one needs `languageId` and `title`. */
function assertTranslations(value: unknown, label: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    throw new TypeError(`${label} must be an array, got ${describeValue(value)}`);
  }
  assertEach(value, label, (translation, itemLabel) => {
    assertObject(translation, itemLabel);
    assertNonEmptyString(translation["languageId"], `${itemLabel}.languageId`);
    assertNonEmptyString(translation["title"], `${itemLabel}.title`);
    const content = translation["content"];
    if (content !== undefined && typeof content !== "string") {
      throw new TypeError(`${itemLabel}.content must be a string, got ${describeValue(content)}`);
    }
  });
}

/** For answers whose every field matters (`data` and `partialErrors`): the body, checked. */
function objectBody<Body>(body: Body | undefined, method: string, path: string): Body {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new DixaMalformedResponseError(method, path, 200, "a body that is not a JSON object");
  }
  return body;
}

const imageTypesByExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** One multipart part: the file name and the bytes as a Blob with a media type. */
function attachmentPart(file: unknown, label: string): { name: string; blob: Blob } {
  let name: unknown;
  let data: Blob;
  let type: unknown;
  if (file instanceof Blob) {
    name = (file as { name?: unknown }).name;
    if (name === undefined) {
      throw new TypeError(`${label} is a Blob without a file name: pass a File or { name, data }`);
    }
    data = file;
  } else {
    assertObject(file, label);
    name = file["name"];
    type = file["type"];
    data = toBlob(file["data"], `${label}.data`);
  }
  assertNonEmptyString(name, `${label}.name`);
  if (type !== undefined && typeof type !== "string") {
    throw new TypeError(`${label}.type must be a string, got ${describeValue(type)}`);
  }
  if (data.size === 0) throw new TypeError(`${label} is empty (0 bytes)`);
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const mediaType = type || data.type || imageTypesByExtension[extension] || "";
  const blob = mediaType !== data.type ? new Blob([data], { type: mediaType }) : data;
  return { name, blob };
}

function toBlob(data: unknown, label: string): Blob {
  if (data instanceof Blob) return data;
  // A Node Buffer is a Uint8Array; Blob copies the bytes.
  if (data instanceof Uint8Array) return new Blob([data as Uint8Array<ArrayBuffer>]);
  if (data instanceof ArrayBuffer) return new Blob([data]);
  throw new TypeError(
    `${label} must be a Blob, a Uint8Array (a Node Buffer is one) or an ArrayBuffer, got ${describeValue(data)}`,
  );
}
