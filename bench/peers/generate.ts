/**
 * Generates one peer client from the spec snapshot: `hey-api <outDir>` or
 * `orval <outFile> <baseUrl>`. Setup runs it in a process of its own, so the generators' code
 * and heap never share the process that measures.
 */
const [generator, output, baseUrl] = process.argv.slice(2);
const input = "./openapi/dixa-beta.yaml";

if (generator === "hey-api" && output) {
  const { createClient } = await import("@hey-api/openapi-ts");
  await createClient({
    input,
    output: { path: output, importFileExtension: ".js" },
    plugins: ["@hey-api/client-fetch", "@hey-api/sdk"],
    logs: { level: "silent" },
  });
} else if (generator === "orval" && output && baseUrl) {
  const { generate } = await import("orval");
  await generate({
    input: { target: input },
    output: { target: output, client: "fetch", mode: "single", baseUrl, prettier: false },
  });
} else {
  throw new Error("usage: generate.ts hey-api <outDir> | orval <outFile> <baseUrl>");
}
