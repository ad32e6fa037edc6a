/**
 * Says which source module a byte or a CPU sample belongs to, whatever the build's layout: a
 * module of dist/ as is, or, inside a file esbuild bundled without minifying (it marks where
 * each module starts with a `// path/to/module.ts` line), the module that line falls in. Used
 * by the MISS notes of the peer targets, so they name the modules that dominate.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { decode } from "@jridgewell/sourcemap-codec";

const root = fileURLToPath(new URL("../../", import.meta.url));
const moduleMarker = /^\/\/ ((?:[\w@.+-]+\/)*[\w@.+-]+\.(?:[cm]?[jt]sx?|json))$/;

interface Sections {
  /** 1-based line numbers where a marked module starts, ascending. */
  starts: number[];
  modules: string[];
}

const sectionsByFile = new Map<string, Sections | null>();

function sectionsOf(file: string): Sections | null {
  if (!sectionsByFile.has(file)) {
    let sections: Sections | null = null;
    try {
      const lines = readFileSync(file, "utf8").split("\n");
      const starts: number[] = [];
      const modules: string[] = [];
      lines.forEach((line, index) => {
        const marked = moduleMarker.exec(line);
        if (marked) {
          starts.push(index + 1);
          modules.push(marked[1]!);
        }
      });
      if (starts.length > 0) sections = { starts, modules };
    } catch {
      // Not readable (a node: module, a deleted file): the file's own name will do.
    }
    sectionsByFile.set(file, sections);
  }
  return sectionsByFile.get(file)!;
}

/**
 * The module `line` (1-based) of `file` (an absolute path) came from: the marked module it falls
 * in, as "file › module", or the file relative to the project root.
 */
export function sourceModuleOf(file: string, line: number): string {
  const name = relative(root, file);
  const sections = sectionsOf(file);
  if (sections === null) return name;
  let at = -1;
  for (let i = 0; i < sections.starts.length && sections.starts[i]! <= line; i++) at = i;
  return at < 0 ? name : `${name} › ${sections.modules[at]}`;
}

/** Where a profiler frame ran: its source module, or the node: URL, or V8's own label. */
export function frameLocation(url: string, lineNumber: number): string {
  if (url.startsWith("file://")) return sourceModuleOf(fileURLToPath(url), lineNumber + 1);
  return url;
}

/**
 * Bytes of a generated file per source module, read from its source map (the mappings of
 * esbuild's output back to its inputs): each mapped span counts for the module its origin
 * falls in; unmapped spans are esbuild's own glue.
 */
export function bytesBySourceModule(
  code: string,
  sourceMap: { sources: string[]; mappings: string },
  mapDirectory: string,
): Map<string, number> {
  const sources = sourceMap.sources.map((source) =>
    fileURLToPath(new URL(source, `file://${mapDirectory}/`)),
  );
  const lines = code.split("\n");
  const bytes = new Map<string, number>();
  const add = (module: string, count: number) =>
    bytes.set(module, (bytes.get(module) ?? 0) + count);
  decode(sourceMap.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? "";
    let covered = 0;
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const span = Buffer.byteLength(line.slice(segment[0], end));
      covered += span;
      add(
        segment.length >= 4 ? sourceModuleOf(sources[segment[1]!]!, segment[2]! + 1) : "(glue)",
        span,
      );
    });
    add("(glue)", Buffer.byteLength(line) - covered + 1);
  });
  return bytes;
}
