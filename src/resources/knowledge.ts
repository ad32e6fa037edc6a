import { callObject } from "../call.js";
import type { DixaCore } from "../core.js";
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
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  describeValue,
} from "../validate.js";
import { KnowledgeGeneratedMethods } from "../../generated/facade/knowledge.js";

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
 * One file for `knowledge.uploadAttachments`: a `File` (from an
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

/**
 * Uploads images to use in articles, as one multipart/form-data request (one `files` part per
 * file, with its file name). Dixa takes PNG, JPEG, GIF and WebP, at most 5 files per request,
 * 4 MB per file and 10 MB in all. Files can fail one by one: the result carries the uploaded
 * files' URLs (`data`) and the failures (`partialErrors`), so check both.
 *
 * ```ts
 * // Node
 * const bytes = await readFile("logo.png");
 * await knowledgeUploadAttachments(dixa, [{ name: "logo.png", data: bytes }]);
 * // Browser
 * await knowledgeUploadAttachments(dixa, [...input.files!]);
 * ```
 * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesattachments
 */
export async function knowledgeUploadAttachments(
  dixa: DixaCore,
  files: readonly KnowledgeAttachmentFile[],
  options?: CallOptions,
): Promise<KnowledgeAttachmentUploadResult> {
  assertNonEmptyArray(files, "files");
  const parts = files.map((file, index) => attachmentPart(file, `files[${index}]`));
  const form = new FormData();
  for (const { name, blob } of parts) form.append("files", blob, name);
  const path = "/beta/knowledge/articles/attachments";
  return callObject(dixa, "POST", path, path, undefined, form, options);
}

/** Knowledge base: collections, categories, articles and translations. */
export class KnowledgeResource extends KnowledgeGeneratedMethods {
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
  uploadAttachments(
    files: readonly KnowledgeAttachmentFile[],
    options?: CallOptions,
  ): Promise<KnowledgeAttachmentUploadResult> {
    return knowledgeUploadAttachments(this.core, files, options);
  }
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
