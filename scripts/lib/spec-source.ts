import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { projectRoot } from "./project-paths.js";
import { SpecRejectedError } from "./spec-document.js";

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

/** Reads the raw bytes of a description; the whole read, headers and body, shares one timeout. */
export async function readSource(source: SpecSource, timeoutMs: number): Promise<Buffer> {
  if (source.kind === "file") {
    try {
      return await readFile(source.path);
    } catch (error) {
      throw new SpecRejectedError(`cannot read ${source.path}: ${(error as Error).message}`);
    }
  }
  const signal = AbortSignal.timeout(timeoutMs);
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
    const bytes = Buffer.from(await response.arrayBuffer());
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (
      Number.isFinite(declared) &&
      declared !== bytes.length &&
      !response.headers.has("content-encoding")
    ) {
      throw new SpecRejectedError(`download truncated: ${bytes.length} of ${declared} bytes`);
    }
    return bytes;
  } catch (error) {
    if (error instanceof SpecRejectedError) throw error;
    if (signal.aborted) {
      throw new SpecRejectedError(`timed out after ${timeoutMs} ms waiting for ${source.url}`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new SpecRejectedError(`cannot download ${source.url}: ${detail}`);
  }
}
