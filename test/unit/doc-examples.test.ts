/**
 * Every ```ts example in the doc comments of src/ and generated/, and in the README's webhook
 * sections, compiles as a user would write it: each block becomes a module of its own, importing
 * the package by its published names ("dixa-beta/webhooks" resolves to src/webhooks/index.ts),
 * and type-checked strictly.
 * The few values an example may take as given (the secret, a request...) are declared once in
 * `givens`, so an example shows only what it is about.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

/** The folders whose doc comments are checked: all the package ships. */
const checkedFolders = ["src", "generated"];

/** The README's sections checked the same way: from the first heading to (not into) the second. */
const readmeSections = [["## Receiving webhooks", "## Many workers, one token"]] as const;

/** What an example may use without declaring it. */
const givens = `
import type expressModule from "express";
import type { DixaClient } from "dixa-beta";
import type { DixaWebhookReceiver } from "dixa-beta/webhooks";
declare global {
  /** A webhook subscription's secretKey. */
  const secret: string;
  /** An incoming delivery, as a route handler receives it. */
  const request: Request;
  /** What the README's later snippets build on. */
  const receiver: DixaWebhookReceiver;
  const dixa: DixaClient;
  const express: typeof expressModule;
  const app: expressModule.Express;
  const url: string;
  function closeTicket(csid: number): void;
}
export {};
`;

interface Example {
  file: string;
  line: number;
  code: string;
}

/** The ```ts blocks of every doc comment in `file`, with the line each starts on. */
export function docExamples(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const examples: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0].split("\n").map((line) => line.replace(/^\s*\*( |$)/, ""));
    const startLine = text.slice(0, comment.index).split("\n").length;
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i]!.trim())) continue;
      const end = lines.findIndex((line, j) => j > i && line.trim() === "```");
      if (end < 0) throw new Error(`${file}:${startLine + i}: a \`\`\`ts block is never closed`);
      examples.push({
        file: relative(projectRoot, file),
        line: startLine + i,
        code: lines.slice(i + 1, end).join("\n"),
      });
      i = end;
    }
  }
  return examples;
}

/** The ```ts blocks of the README between two headings. */
function readmeExamples(from: string, to: string): Example[] {
  const text = readFileSync(join(projectRoot, "README.md"), "utf8");
  const start = text.indexOf(`\n${from}\n`);
  const end = text.indexOf(`\n${to}\n`, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no section ${from} .. ${to}`);
  const firstLine = text.slice(0, start).split("\n").length + 1;
  return [...text.slice(start, end).matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((block) => ({
    file: "README.md",
    line: firstLine + text.slice(start, start + block.index).split("\n").length - 1,
    code: block[1]!,
  }));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(projectRoot, folder, name))
    .sort();
}

/** Type-checks the examples together; returns the diagnostics of each, by its name. */
export function compileExamples(examples: Example[]): Map<string, string[]> {
  const virtual = new Map<string, string>();
  const nameOf = new Map<string, string>();
  examples.forEach((example, i) => {
    const path = join(projectRoot, ".doc-examples", `example-${i}.ts`);
    virtual.set(path, `${example.code}\nexport {};\n`);
    nameOf.set(path, `${example.file}:${example.line}`);
  });
  const givensPath = join(projectRoot, ".doc-examples", "givens.d.ts");
  virtual.set(givensPath, givens);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    baseUrl: projectRoot,
    paths: {
      "dixa-beta": ["src/index.ts"],
      "dixa-beta/types": ["generated/dixa-beta.ts"],
      "dixa-beta/*": ["src/*/index.ts"],
    },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, ...rest) => {
    const text = virtual.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, version, ...rest)
      : ts.createSourceFile(fileName, text, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([givensPath, ...nameOf.keys()], options, host);
  const problems = new Map<string, string[]>([...nameOf.values()].map((name) => [name, []]));
  // Only the examples' own diagnostics: `npm run typecheck` checks what they import, and asking
  // for the whole program's would check all of src/ and generated/ again (most of the time).
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[givensPath, ...nameOf.keys()].flatMap((path) => {
      const file = program.getSourceFile(path);
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    }),
  ];
  for (const diagnostic of diagnostics) {
    const file = diagnostic.file?.fileName;
    const name = (file && nameOf.get(file)) ?? file ?? "(no file)";
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? `line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `
        : "";
    const list = problems.get(name) ?? [];
    list.push(where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    problems.set(name, list);
  }
  return problems;
}

describe("doc comment examples", () => {
  const examples = [
    ...checkedFolders.flatMap((folder) => sourceFiles(folder).flatMap(docExamples)),
    ...readmeSections.flatMap(([from, to]) => readmeExamples(from, to)),
  ];
  /** An example that must fail: proves the check reports what is wrong (one program for all). */
  const probe = {
    file: "probe",
    line: 1,
    code: 'import { signDixaWebhook } from "dixa-beta/webhooks";\nsignDixaWebhook();',
  };
  let compiled: Map<string, string[]> | undefined;
  const problems = () => (compiled ??= compileExamples([...examples, probe]));

  it("are found (the extraction itself works)", () => {
    const files = new Set(examples.map((example) => example.file));
    for (const file of [
      "src/webhooks/sign.ts",
      "src/webhooks/receiver.ts",
      "src/redis/dedupe-store.ts",
      "src/client.ts",
      "src/paginate.ts",
      "src/resources/knowledge.ts",
      "src/otel/tracing-hook.ts",
      "src/testing/sandbox.ts",
    ])
      expect(files).toContain(file);
    expect(
      examples.filter((example) => example.file === "README.md").length,
    ).toBeGreaterThanOrEqual(8);
  });

  it("compile, each as a module of its own", () => {
    const failing = [...problems()].filter(([name, list]) => name !== "probe:1" && list.length);
    expect(Object.fromEntries(failing)).toEqual({});
    expect(problems().get("probe:1")?.join()).toMatch(/Expected 2-3 arguments/);
  }, 120_000);
});
