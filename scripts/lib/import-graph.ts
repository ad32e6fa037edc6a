import { existsSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

/** One import found in a file of the graph. */
export interface ImportEdge {
  /** Absolute path of the importing file. */
  from: string;
  specifier: string;
}

export interface ImportGraph {
  /** Every file reached at run time from the entry, the entry first. */
  files: string[];
  /** Imports of Node.js built-ins (`node:fs`, `fs`, `stream/web`, ...). */
  builtins: ImportEdge[];
  /** Imports that could not be resolved to a file. */
  unresolved: ImportEdge[];
  /** Names of the npm packages the graph reaches. */
  packages: string[];
}

/**
 * The export conditions of a runtime that is not Node.js (a browser, Deno, a worker, an edge
 * function): a package's "node" or "require" entry is not followed, its "import" or "default"
 * one is.
 */
const conditions = ["import", "default"];

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Walks the import graph that runs when `entry` is imported: static imports, re-exports,
 * `import()` and `require()` with literal specifiers, into dependencies in node_modules.
 * Type-only imports and re-exports (`import type`, `export type`) are skipped: they are erased
 * at build time. Works on emitted JavaScript and on TypeScript sources (where a `./x.js`
 * specifier is read from `./x.ts`, as the compiler does).
 */
export function walkImportGraph(entry: string): ImportGraph {
  const graph: ImportGraph = { files: [], builtins: [], unresolved: [], packages: [] };
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    graph.files.push(file);
    for (const specifier of runtimeImports(file)) {
      const edge = { from: file, specifier };
      if (builtins.has(specifier) || specifier.startsWith("node:")) {
        graph.builtins.push(edge);
        continue;
      }
      const target = isRelative(specifier)
        ? resolveRelative(dirname(file), specifier)
        : resolvePackage(dirname(file), specifier, packages);
      if (target === undefined) graph.unresolved.push(edge);
      else queue.push(target);
    }
  }
  graph.packages = [...packages].sort();
  return graph;
}

/** The specifiers a file imports at run time. */
export function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) =>
    node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) push(literal(node.moduleSpecifier));
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) push(literal(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) {
        push(literal(node.moduleReference.expression));
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isImport || isRequire) {
        const specifier = literal(node.arguments[0]);
        // A computed specifier cannot be followed; say so rather than pass silently.
        push(specifier ?? `<computed ${isImport ? "import()" : "require()"} in ${file}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  const push = (specifier: string | undefined) => {
    if (specifier !== undefined) found.push(specifier);
  };
  visit(source);
  return found;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/");
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function resolveRelative(dir: string, specifier: string): string | undefined {
  const target = resolve(dir, specifier);
  const candidates = [target];
  // TypeScript sources import `./x.js` and mean `./x.ts`.
  if (/\.[mc]?js$/.test(target)) candidates.push(target.replace(/\.([mc]?)js$/, ".$1ts"));
  return candidates.find(isFile);
}

/** Node's ESM resolution of a bare specifier, under the conditions above. */
function resolvePackage(dir: string, specifier: string, packages: Set<string>): string | undefined {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  const subpath = `.${specifier.slice(name.length)}`;
  for (let current = dir; ; current = dirname(current)) {
    const packageDir = join(current, "node_modules", name);
    const manifest = join(packageDir, "package.json");
    if (isFile(manifest)) {
      packages.add(name);
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
        exports?: unknown;
        main?: string;
      };
      const target =
        pkg.exports !== undefined
          ? exportTarget(pkg.exports, subpath)
          : subpath === "."
            ? (pkg.main ?? "index.js")
            : subpath;
      if (target === undefined) return undefined;
      const file = resolve(packageDir, target);
      return [file, `${file}.js`, join(file, "index.js")].find(isFile);
    }
    if (dirname(current) === current) return undefined;
  }
}

function exportTarget(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap =
    typeof exports === "object" &&
    exports !== null &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith("."));
  if (!isSubpathMap) return subpath === "." ? pickCondition(exports) : undefined;
  const map = exports as Record<string, unknown>;
  if (subpath in map) return pickCondition(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return pickCondition(value)?.replaceAll("*", match);
    }
  }
  return undefined;
}

function pickCondition(target: unknown): string | undefined {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const picked = pickCondition(item);
      if (picked !== undefined) return picked;
    }
    return undefined;
  }
  if (typeof target === "object" && target !== null) {
    // Node takes the first key, in the object's order, that is one of the active conditions.
    for (const [key, value] of Object.entries(target)) {
      if (conditions.includes(key)) {
        const picked = pickCondition(value);
        if (picked !== undefined) return picked;
      }
    }
  }
  return undefined;
}
