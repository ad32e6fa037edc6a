// A TypeDoc plugin for `npm run docs`. Signatures show their types as written (resolved, a
// conversation is a union of channel shapes; the source says `Conversation`), and an argument
// list declared once as a labelled tuple (generated/facade/arguments.ts) as its parameters, as
// editors show them; the spec's `paths`, `components` and `operations` (megabytes of pages nobody
// reads) say where to read them; and the reference is held to its 5 MB budget.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import * as typedoc from "typedoc";
const { Comment, Converter, ParameterReflection, ReflectionFlag, ReflectionKind } = typedoc;

export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, node, tsSignature) => {
    const declaration = node ?? tsSignature?.declaration;
    const scoped = context.withScope(signature);
    if (declaration?.type) signature.type = context.converter.convertType(scoped, declaration.type);
    const rest = declaration?.parameters?.at(-1);
    if (!rest?.dotDotDotToken || !rest.type || !ts.isTypeReferenceNode(rest.type)) return;
    let symbol = context.checker.getSymbolAtLocation(rest.type.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = context.checker.getAliasedSymbol(symbol);
    const alias = symbol?.declarations?.find(ts.isTypeAliasDeclaration);
    if (alias === undefined || !ts.isTupleTypeNode(alias.type)) return;
    const expanded = context.converter.convertType(scoped, alias.type).elements.map((member) => {
      const parameter = new ParameterReflection(member.name, ReflectionKind.Parameter, signature);
      parameter.type = member.element;
      parameter.setFlag(ReflectionFlag.Optional, member.isOptional);
      context.registerReflection(parameter, undefined);
      return parameter;
    });
    const kept = signature.parameters.slice(0, -1);
    context.project.removeReflection(signature.parameters.at(-1));
    signature.parameters = [...kept, ...expanded];
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, ({ project }) => {
    for (const reflection of Object.values(project.reflections)) {
      const generated = ["paths", "components", "operations"].includes(reflection.name);
      if (!generated || !reflection.kindOf(ReflectionKind.Interface)) continue;
      for (const child of [...(reflection.children ?? [])]) project.removeReflection(child);
      const where = "read it in `generated/dixa-beta.ts` (importable as `dixa-beta/types`)";
      const text = `The spec's \`${reflection.name}\` as openapi-typescript generates it: ${where}.`;
      reflection.comment = new Comment([{ kind: "text", text }]);
    }
  });

  app.renderer.on(typedoc.RendererEvent.END, (event) => {
    const size = bytesUnder(event.outputDirectory);
    const level = size > 5_000_000 ? "error" : "info";
    app.logger[level](`The API reference is ${(size / 1e6).toFixed(2)} MB (budget 5 MB).`);
  });
}

function bytesUnder(directory) {
  return readdirSync(directory, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(directory, entry.name);
    return total + (entry.isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);
}
