/**
 * Whether the package still builds with a freshly rendered generated/, checked before those
 * files replace the committed ones: the package's JavaScript (esbuild, as `npm run build`
 * bundles it) and, for `spec:update`, its types (the TypeScript compiler, as `npm run build`
 * declares them). The rendered files are read from memory in place of the committed ones, so a
 * failure leaves every file as it was.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { build, type Message } from "esbuild";
import type { FileToWrite } from "./atomic-write.js";
import { entryPoints } from "./bundle-entry-points.js";
import { projectRoot } from "./project-paths.js";
import { SpecRefusedError } from "./spec-rules.js";

/** Bundles every entry point of the package with the rendered files in place. */
export async function checkBundle(
  files: readonly FileToWrite[],
  generatedDir: string,
): Promise<void> {
  const candidates = textsOf(files);
  const facadeDir = join(resolve(generatedDir), "facade");
  try {
    await build({
      absWorkingDir: projectRoot,
      entryPoints: Object.values(entryPoints).map((source) => join(projectRoot, source)),
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      packages: "external",
      outdir: join(projectRoot, ".build-check"),
      logLevel: "silent",
      plugins: [
        {
          name: "rendered-generated-files",
          setup(builder) {
            builder.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
              const target = resolve(resolveDir, path.replace(/\.js$/, ".ts"));
              return candidates.has(target) ? { path: target } : undefined;
            });
            builder.onLoad({ filter: /\.ts$/ }, ({ path }) => {
              const contents = candidates.get(path);
              if (contents !== undefined) return { contents, loader: "ts" };
              if (path.startsWith(facadeDir)) {
                return {
                  errors: [
                    {
                      text: `${relative(projectRoot, path)} is not part of the regenerated facade`,
                    },
                  ],
                };
              }
              return undefined;
            });
          },
        },
      ],
    });
  } catch (error) {
    const first = (error as { errors?: Message[] }).errors?.[0];
    if (first === undefined) throw error;
    const at = first.location ? ` (${first.location.file}:${first.location.line})` : "";
    throw new SpecRefusedError(`the regenerated client does not build: ${first.text}${at}`);
  }
}

/** Type-checks the package (tsconfig.build.json) with the rendered files in place. */
export function checkTypes(files: readonly FileToWrite[]): void {
  // Loaded here, not with the module: only a refresh of the project's own generated/ checks
  // types, and importing the compiler costs every other run of spec:update and generate half a
  // second (required, it skips the ESM loader's scan of its 9 MB of CommonJS).
  const ts = createRequire(import.meta.url)("typescript") as typeof import("typescript");
  const candidates = textsOf(files);
  const configPath = join(projectRoot, "tsconfig.build.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  const options = {
    ...config.options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
  };
  const host = ts.createCompilerHost(options);
  const readFile = (path: string) => candidates.get(resolve(path)) ?? ts.sys.readFile(path);
  host.readFile = readFile;
  host.fileExists = (path) => candidates.has(resolve(path)) || existsSync(path);
  host.getSourceFile = (path, languageVersion) => {
    const text = readFile(path);
    return text === undefined ? undefined : ts.createSourceFile(path, text, languageVersion, true);
  };
  const roots = [
    ...new Set([...config.fileNames.map((f) => resolve(f)), ...candidates.keys()]),
  ].filter((path) => path.endsWith(".ts") && path.startsWith(projectRoot));
  const program = ts.createProgram(roots, options, host);
  const [first] = ts.getPreEmitDiagnostics(program);
  if (first === undefined) return;
  const where =
    first.file === undefined
      ? ""
      : ` (${relative(projectRoot, first.file.fileName)}:${first.file.getLineAndCharacterOfPosition(first.start ?? 0).line + 1})`;
  throw new SpecRefusedError(
    `the regenerated client does not type-check: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}${where}`,
  );
}

function textsOf(files: readonly FileToWrite[]): Map<string, string> {
  return new Map(files.map((file) => [resolve(file.path), file.content.toString()]));
}
