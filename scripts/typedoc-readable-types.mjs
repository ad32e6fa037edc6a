// A TypeDoc plugin for `npm run docs` that keeps the reference readable.
//
// - The spec's generated types (`paths`, `components`, `operations`) would each expand every
//   schema of the spec into pages of megabytes that no one reads; their pages keep a short
//   description pointing at the source instead.
// - TypeDoc prints a signature's types as TypeScript resolves them, and an indexed access such
//   as `ConversationsGetEndpoint["data"]` loses its name (TypeScript keeps no alias for it), so a
//   conversation's union of channel shapes was printed in full on every page that returns one.
//   Where the resolved type prints longer than a few lines, the type as written in the source
//   is shown instead: a named, linked type whose page says where its shape comes from.
// - The other way round, a named type derived from the spec (`type Agent = ListItem<"/beta/agents",
//   "get">`) printed only that derivation, through helpers the reference does not document; its
//   page now shows the shape itself, field by field, and says in words where it comes from.
//
// It also holds the reference to its budget: more than 5 MB on disk fails `npm run docs`.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import {
  Comment,
  Converter,
  DefaultTheme,
  DefaultThemeRenderContext,
  JSX,
  ReflectionKind,
  RendererEvent,
} from "typedoc";

const generated = {
  paths: "Every endpoint of the spec by path and method, as openapi-typescript generates it.",
  components:
    "Every schema, parameter and response of the spec, as openapi-typescript generates it.",
  operations: "Every operation of the spec by operationId, as openapi-typescript generates it.",
};

/** Resolved types printed longer than this are shown as written in the source. */
const longType = 150;
/** Derived object types printed longer than this keep their derivation (see above). */
const longShape = 500;
/** The reference's size budget, in bytes. */
const budget = 5_000_000;

/**
 * The default theme less two repetitions: an interface page printed its members three times
 * (a preview of the declaration, an index, and the members themselves), a class page twice.
 * The members stay, and the sidebar's "On This Page" lists them.
 */
class ReadableContext extends DefaultThemeRenderContext {
  constructor(...args) {
    super(...args);
    // The `interface X { ... }` preview above the members: they follow, each with its own type.
    this.reflectionPreview = () => JSX.createElement(JSX.Fragment, null);
    const index = this.index;
    this.index = (reflection) =>
      reflection.kindOf(ReflectionKind.SomeModule)
        ? index(reflection)
        : JSX.createElement(JSX.Fragment, null);
  }
}

class ReadableTheme extends DefaultTheme {
  getRenderContext(page) {
    return new ReadableContext(this.router, this, page, this.application.options);
  }
}

export function load(app) {
  app.renderer.defineTheme("dixa-readable", ReadableTheme);
  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (declaration === undefined || !isFunctionLike(declaration)) return;
    const scoped = context.withScope(signature);
    if (declaration.type !== undefined && isLong(signature.type)) {
      signature.type = context.converter.convertType(scoped, declaration.type);
    }
    for (const parameter of signature.parameters ?? []) {
      const node = declaration.parameters.find(
        (p) => ts.isIdentifier(p.name) && p.name.text === parameter.name,
      );
      if (node?.type !== undefined && isLong(parameter.type)) {
        parameter.type = context.converter.convertType(scoped, node.type);
      }
    }
  });

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.TypeAlias)) return;
    const declaration = context
      .getSymbolFromReflection(reflection)
      ?.declarations?.find((d) => ts.isTypeAliasDeclaration(d));
    let origin = declaration === undefined ? undefined : derivation(declaration.type);
    if (origin === undefined) return;
    reflection.comment ??= new Comment();
    // TypeDoc's own tag: convert the resolved type, not the type as written. An object lists
    // its fields with the spec's descriptions; a union of channel shapes would print as pages of
    // braces, so it keeps its derivation and the words.
    const resolved = context.checker.getTypeFromTypeNode(declaration.type);
    const printed = context.checker.typeToString(
      resolved,
      undefined,
      ts.TypeFormatFlags.NoTruncation,
    );
    if (!resolved.isUnion() && printed.length <= longShape) {
      reflection.comment.modifierTags.add("@useDeclaredType");
    } else if (!resolved.isUnion()) {
      const fields = resolved.getProperties().map((p) => `\`${p.name}\``);
      origin += ` Its fields: ${fields.join(", ")}; their types and descriptions are in \`generated/dixa-beta.ts\`.`;
    }
    const { summary } = reflection.comment;
    if (summary.length > 0) summary.push({ kind: "text", text: "\n\n" });
    summary.push({ kind: "text", text: origin });
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) =>
    shortenModularForms(context.project),
  );

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of Object.values(project.reflections)) {
      promoteDescription(reflection.comment);
      const text = generated[reflection.name];
      if (text === undefined || !reflection.kindOf(ReflectionKind.Interface)) continue;
      for (const child of [...(reflection.children ?? [])]) project.removeReflection(child);
      reflection.comment = new Comment([
        {
          kind: "text",
          text: `${text} Read it in \`generated/dixa-beta.ts\` (shipped with the package, and importable as \`dixa-beta/types\`); the facade's own types (\`Endpoint<path, method>\`, the named input and result types) are derived from it.`,
        },
      ]);
    }
  });

  app.renderer.on(RendererEvent.END, (event) => {
    const size = bytesUnder(event.outputDirectory);
    const figure = `${(size / 1e6).toFixed(2)} MB`;
    if (size > budget) {
      app.logger.error(`The API reference is ${figure}, over its ${budget / 1e6} MB budget.`);
    } else {
      app.logger.info(`The API reference is ${figure} (budget ${budget / 1e6} MB).`);
    }
  });
}

function bytesUnder(directory) {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

/**
 * Every generated method also exists as a function of a `DixaCore` (`notesCreate(core, ...)`,
 * for small bundles) with the same comment. The function's page keeps the first paragraph and
 * links to the method, where the rest is said once.
 */
function shortenModularForms(project) {
  for (const resource of project.getReflectionsByKind(ReflectionKind.Class)) {
    const match = /^(.+)Resource$/.exec(resource.name);
    if (match === null) continue;
    const prefix = match[1][0].toLowerCase() + match[1].slice(1);
    for (const method of resource.children ?? []) {
      if (!method.kindOf(ReflectionKind.Method)) continue;
      const name = prefix + method.name[0].toUpperCase() + method.name.slice(1);
      const fn = project
        .getReflectionsByKind(ReflectionKind.Function)
        .find((f) => f.name === name && f.parent === resource.parent);
      const comment = fn?.signatures?.[0]?.comment;
      if (comment === undefined) continue;
      const firstParagraph = [];
      for (const part of comment.summary) {
        const end = part.kind === "text" ? part.text.indexOf("\n\n") : -1;
        if (end === -1) firstParagraph.push(part);
        else {
          firstParagraph.push({ ...part, text: part.text.slice(0, end) });
          break;
        }
      }
      comment.summary = [
        ...firstParagraph,
        { kind: "text", text: "\n\nThe function form of " },
        {
          kind: "inline-tag",
          tag: "@link",
          text: `${resource.name}.${method.name}`,
          target: method,
        },
        { kind: "text", text: ", for bundles that leave out the resources they do not call." },
      ];
    }
  }
}

/**
 * openapi-typescript writes a schema's description as an `@description` tag, which TypeDoc
 * prints under its own "Description" heading on every field; it reads as the summary it is.
 */
function promoteDescription(comment) {
  const tag = comment?.blockTags.find((t) => t.tag === "@description");
  if (tag === undefined) return;
  const separator = comment.summary.length > 0 ? [{ kind: "text", text: "\n\n" }] : [];
  comment.summary = [...comment.summary, ...separator, ...tag.content];
  comment.blockTags = comment.blockTags.filter((t) => t !== tag);
}

/** Where a type derived with src/types.ts's helpers comes from, in words; else undefined. */
function derivation(node) {
  if (ts.isIndexedAccessTypeNode(node)) {
    const key = node.indexType;
    if (
      ts.isTypeReferenceNode(node.objectType) &&
      node.objectType.typeName.getText() === "Schemas"
    ) {
      if (ts.isLiteralTypeNode(key) && ts.isStringLiteral(key.literal)) {
        return `The spec's \`${key.literal.text}\` schema.`;
      }
    }
    const inner = derivation(node.objectType);
    return inner === undefined ? undefined : `One element of: ${inner}`;
  }
  if (!ts.isTypeReferenceNode(node) || node.typeArguments?.length !== 2) return undefined;
  const [path, method] = node.typeArguments.map((a) =>
    ts.isLiteralTypeNode(a) && ts.isStringLiteral(a.literal) ? a.literal.text : undefined,
  );
  if (path === undefined || method === undefined) return undefined;
  const operation = `\`${method.toUpperCase()} ${path}\``;
  const words = {
    ListItem: `One item of what ${operation} lists.`,
    ListQuery: `The query parameters of ${operation}, less \`pageKey\` (the paginator sets it).`,
    QueryParams: `The query parameters of ${operation}.`,
    RequestBody: `The request body of ${operation}.`,
    ResponseData: `What ${operation} answers (inside its \`data\` envelope).`,
  };
  return words[node.typeName.getText()];
}

function isFunctionLike(node) {
  return ts.isFunctionLike(node) && "parameters" in node;
}

function isLong(type) {
  return type !== undefined && type.toString().length > longType;
}
