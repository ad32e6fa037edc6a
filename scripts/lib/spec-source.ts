import { open, type FileHandle } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { projectRoot } from "./project-paths.js";
import { formatBytes, SpecRejectedError, specLimits } from "./spec-document.js";

/** Best knowledge of where Dixa publishes its beta OpenAPI description. */
export const defaultSpecUrl = "https://docs.dixa.io/_bundle/openapi/dixa-api/@beta/beta.yaml";
export const defaultTimeoutMs = 30_000;

export type SpecSource = { kind: "url"; url: string } | { kind: "file"; path: string };

export interface SourceFlags {
  url?: string | undefined;
  file?: string | undefined;
}

/** `--file` or `--url` wins, then `DIXA_OPENAPI_URL`, then the published default. */
export function chooseSource(flags: SourceFlags, env: NodeJS.ProcessEnv = process.env): SpecSource {
  if (flags.url !== undefined && flags.file !== undefined) {
    throw new SpecRejectedError("give either --url or --file, not both");
  }
  if (flags.file !== undefined) return { kind: "file", path: resolve(flags.file) };
  const url = flags.url ?? env["DIXA_OPENAPI_URL"] ?? defaultSpecUrl;
  if (!/^https?:\/\//i.test(url)) throw new SpecRejectedError(`not an http(s) URL: ${url}`);
  return { kind: "url", url };
}

/** How the provenance file names a source: URLs as given, files relative to the project. */
export function describeSource(source: SpecSource): string {
  if (source.kind === "url") return source.url;
  return `file:${relative(projectRoot, source.path).split("\\").join("/")}`;
}

/**
 * Reads the raw bytes of a description; the whole read, headers and body, shares one timeout.
 * The body is streamed and refused as soon as it passes `maxBytes`, so a huge download costs at
 * most that much memory; a body that ends before its announced length is reported as truncated.
 */
export async function readSource(
  source: SpecSource,
  timeoutMs: number,
  maxBytes: number = specLimits.maxBytes,
): Promise<Buffer> {
  if (source.kind === "file") return readFileCapped(source.path, maxBytes);
  const signal = AbortSignal.timeout(timeoutMs);
  let received = 0;
  let declared = NaN;
  try {
    const response = await fetch(source.url, {
      signal,
      headers: { accept: "application/yaml, application/json;q=0.9, */*;q=0.1" },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new SpecRejectedError(
        `${source.url} answered HTTP ${response.status} ${response.statusText}`.trim(),
      );
    }
    const contentType = response.headers.get("content-type") ?? "";
    if (/text\/html/i.test(contentType)) {
      await response.body?.cancel();
      throw new SpecRejectedError(`${source.url} answered an HTML page (${contentType})`);
    }
    // Content-Length counts the encoded bytes; only an unencoded body can be checked against it.
    const encoded = response.headers.has("content-encoding");
    declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new SpecRejectedError(
        `${source.url} announces ${declared} bytes, over the ${formatBytes(maxBytes)} size limit`,
      );
    }
    if (encoded) declared = NaN;
    const chunks: Uint8Array[] = [];
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      received += chunk.value.byteLength;
      if (received > maxBytes) {
        await reader!.cancel();
        throw new SpecRejectedError(
          `${source.url} sent more than the ${formatBytes(maxBytes)} size limit; download stopped`,
        );
      }
      chunks.push(chunk.value);
    }
    if (Number.isFinite(declared) && received < declared) {
      throw new SpecRejectedError(
        `the download looks truncated (received ${received} of the ${declared} bytes announced by Content-Length)`,
      );
    }
    if (Number.isFinite(declared) && received > declared) {
      throw new SpecRejectedError(
        `${source.url} sent ${received} bytes but announced ${declared} in Content-Length`,
      );
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof SpecRejectedError) throw error;
    if (signal.aborted) {
      const progress = received > 0 ? ` (${received} bytes received)` : "";
      throw new SpecRejectedError(
        `timed out after ${timeoutMs} ms waiting for ${source.url}${progress}`,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    if (received > 0 || Number.isFinite(declared)) {
      const of = Number.isFinite(declared) ? ` of the ${declared} announced` : "";
      throw new SpecRejectedError(
        `the download looks truncated (the connection ended after ${received}${of} bytes: ${detail})`,
      );
    }
    throw new SpecRejectedError(`cannot download ${source.url}: ${detail}`);
  }
}

/** Reads a local description, refusing one over the size cap before reading it. */
async function readFileCapped(path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, "r");
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new SpecRejectedError(
        `${path} is ${size} bytes, over the ${formatBytes(maxBytes)} size limit`,
      );
    }
    // Read at most one byte past the cap, in case the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) {
      throw new SpecRejectedError(`${path} is over the ${formatBytes(maxBytes)} size limit`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof SpecRejectedError) throw error;
    throw new SpecRejectedError(`cannot read ${path}: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
}
