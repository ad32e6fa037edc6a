// The child process of `startTypesChild` (types-child.ts): reads the validated document as JSON
// on stdin and writes generated/dixa-beta.ts on stdout. Plain JavaScript: it loads
// openapi-typescript (with the TypeScript compiler and redocly it needs) before registering tsx,
// so those thousands of lines do not go through tsx's loader; then the project's own renderer.
await import("openapi-typescript");
const { register } = await import("tsx/esm/api");
register();
const { renderTypes } = await import("./render-openapi-types.ts");

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { document, specSha256 } = JSON.parse(input);
try {
  process.stdout.write(await renderTypes(document, specSha256));
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
