import type { DixaCore } from "../core.js";
import { asBody, body, perform } from "../operation.js";
import type { CallOptions } from "../types.js";
import {
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  describeArgument,
} from "../validate.js";
import { KnowledgeGeneratedMethods } from "../../generated/facade/resources.js";
import type { KnowledgeAttachmentUploadResult } from "../../generated/facade/types.js";

/**
 * One file for `knowledge.uploadAttachments`: a `File` (from an
 * `<input type="file">`, or `new File([bytes], "logo.png")` in Node), or a name with the
 * bytes as a Blob, a Uint8Array (a Node Buffer is one) or an ArrayBuffer. `type` is the
 * media type; when neither it nor the Blob gives one, it is taken from the file name's
 * extension (.png, .jpg/.jpeg, .gif, .webp).
 */
export type KnowledgeAttachmentFile =
  File | { name: string; data: Blob | Uint8Array | ArrayBuffer; type?: string };

type UploadAttachmentsArgs = [files: readonly KnowledgeAttachmentFile[], options?: CallOptions];

/** The function form of {@link KnowledgeResource.uploadAttachments}. */
export function knowledgeUploadAttachments(
  dixa: DixaCore,
  ...args: UploadAttachmentsArgs
): Promise<KnowledgeAttachmentUploadResult> {
  return perform(dixa, args, "POST /beta/knowledge/articles/attachments", asBody, () => [
    body("files", assertNonEmptyArray, "required", multipartForm),
  ]);
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
   * import { readFile } from "node:fs/promises";
   * import { createDixaClient, createDixaCore, knowledgeUploadAttachments } from "dixa-beta";
   * const dixa = createDixaClient({ apiKey: process.env.DIXA_API_KEY! });
   *
   * // Node
   * const bytes = await readFile("logo.png");
   * await dixa.knowledge.uploadAttachments([{ name: "logo.png", data: bytes }]);
   * // Browser: the files chosen in an <input type="file">
   * const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
   * await dixa.knowledge.uploadAttachments([...input.files!]);
   * // The function form
   * const core = createDixaCore({ apiKey: process.env.DIXA_API_KEY! });
   * await knowledgeUploadAttachments(core, [{ name: "logo.png", data: bytes }]);
   * ```
   * @see https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesattachments
   */
  uploadAttachments(...args: UploadAttachmentsArgs): Promise<KnowledgeAttachmentUploadResult> {
    return knowledgeUploadAttachments(this.core, ...args);
  }
}

/** The files as one multipart form, a `files` part each; a file that cannot be sent is refused. */
function multipartForm(files: readonly unknown[]): FormData {
  const parts = files.map((file, index) => attachmentPart(file, `files[${index}]`));
  const form = new FormData();
  for (const { name, blob } of parts) form.append("files", blob, name);
  return form;
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
    throw new TypeError(
      `${label}.type must be a string, got ${describeArgument(type, `${label}.type`)}`,
    );
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
    `${label} must be a Blob, a Uint8Array (a Node Buffer is one) or an ArrayBuffer, got ${describeArgument(data, label)}`,
  );
}
