/**
 * The public surface as a user meets it, read with the TypeScript language service: editors'
 * hovers name the types (`Promise<Agent>`, not an indexed type or a pasted structure), the
 * declarations the package ships name them too, and the generator's list of the package's own
 * exports (names no generated function or type may take) is the list src/index.ts exports.
 */
import { join, relative } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { packageExports } from "../../scripts/lib/spec-rules.js";
import { projectRoot } from "../support/run-script.js";

const probeFile = join(projectRoot, "test", "scripts", "__public-types-probe.ts");
const probe = [
  'import { agentsGet, createDixaClient, notesCreate } from "../../src/index.js";',
  'const client = createDixaClient({ apiKey: "k" });',
  'void client.agents.get("id");',
  "void client.notes.create(1, { message: 'm' });",
  "void client.conversations.get(1);",
  "void client.agents.list();",
  "void agentsGet;",
  "void notesCreate;",
].join("\n");

let service: ts.LanguageService;
let program: ts.Program;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(projectRoot, "tsconfig.build.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const files = [...config.fileNames, probeFile];
  service = ts.createLanguageService({
    getScriptFileNames: () => files,
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = file === probeFile ? probe : ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => projectRoot,
    getCompilationSettings: () => ({ ...config.options, noEmit: false, emitDeclarationOnly: true }),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
    readFile: (file) => (file === probeFile ? probe : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  program = service.getProgram()!;
}, 120_000);

function hover(text: string): string {
  const at = probe.indexOf(text) + text.length - 1;
  const info = service.getQuickInfoAtPosition(probeFile, at);
  return ts.displayPartsToString(info?.displayParts).replace(/\s+/g, " ");
}

describe("what a user reads", () => {
  it.each([
    [
      "client.agents.get",
      "(method) AgentsGeneratedMethods.get(agentId: string, options?: CallOptions | undefined): Promise<Agent>",
    ],
    [
      "client.notes.create",
      "(method) NotesResource.create(conversationId: number, note: CreateNoteInput, options?: CallOptions | undefined): Promise<InternalNote>",
    ],
    [
      "client.conversations.get",
      "(method) ConversationsGeneratedMethods.get(conversationId: number, options?: CallOptions | undefined): Promise<Conversation>",
    ],
    [
      "client.agents.list",
      "(method) AgentsGeneratedMethods.list(query?: ListAgentsQuery | undefined, options?: CallOptions | undefined): Paginated<Agent>",
    ],
    [
      "void agentsGet",
      "(alias) function agentsGet(core: DixaCore, agentId: string, options?: CallOptions | undefined): Promise<Agent>",
    ],
    [
      "void notesCreate",
      "(alias) function notesCreate(core: DixaCore, conversationId: number, note: CreateNoteInput, options?: CallOptions | undefined): Promise<InternalNote>",
    ],
  ])("the hover over %s names its types", (text, expected) => {
    expect(hover(text)).toContain(expected);
  });

  it("no declaration the package ships indexes DixaEndpoints", () => {
    const offenders: string[] = [];
    for (const source of program.getSourceFiles()) {
      const file = relative(projectRoot, source.fileName);
      if (!/^(src|generated)\//.test(file)) continue;
      for (const output of service.getEmitOutput(source.fileName, true).outputFiles) {
        if (output.text.includes("DixaEndpoints[")) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  }, 120_000);

  it("the generator's list of the package's own exports is what src/index.ts exports", () => {
    const checker = program.getTypeChecker();
    const index = program.getSourceFile(join(projectRoot, "src", "index.ts"))!;
    const own = checker
      .getExportsOfModule(checker.getSymbolAtLocation(index)!)
      .filter((symbol) => {
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const file = relative(
          projectRoot,
          target.declarations?.[0]?.getSourceFile().fileName ?? "",
        );
        return !/^(generated\/facade|src\/resources)\//.test(file);
      })
      .map((symbol) => symbol.name)
      .sort();
    expect(own).toEqual([...packageExports].sort());
  });
});
