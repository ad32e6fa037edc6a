/**
 * `npm run test:package`: the package as a user gets it. Packs the tarball from dist/ (the
 * build of this `npm test`, or a new one when the sources changed since), checks what it holds
 * and what it must not, installs it into a fresh project, typechecks
 * a consumer written the way the README shows under NodeNext and under Bundler resolution (with
 * this project's TypeScript), checks the installed import graphs (the client's, dixa-beta/testing's,
 * dixa-beta/webhooks' and dixa-beta/otel's) have no Node.js built-in, and runs the compiled consumer against a
 * Prism mock of the spec and against the in-process sandbox of dixa-beta/testing. Temp folders
 * and Prism are cleaned up on failure too.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { buildDist } from "./lib/build-dist.js";
import { walkImportGraph } from "./lib/import-graph.js";
import { startPrism, type PrismServer } from "./lib/prism.js";
import { projectRoot } from "./lib/project-paths.js";

interface PackedFile {
  path: string;
  size: number;
}
interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}
interface PackageJson {
  name: string;
  version: string;
  main?: string;
  types?: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
}

const consumerFixture = join(projectRoot, "test", "package", "consumer");
const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");

/**
 * Every file of the tarball must match; anything else (tests, spec...) fails. The TypeScript
 * sources of src/ and generated/ ship because the declaration maps point at them: "go to
 * definition" in an editor then lands on the real code, not on a .d.ts.
 */
const allowed =
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+\.(js|d\.ts|d\.ts\.map|js\.map)|(src|generated)\/.+\.ts)$/;
const required = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "dist/index.js",
  "dist/testing.js",
  "dist/webhooks.js",
  "dist/redis.js",
  "dist/src/index.d.ts",
  "dist/generated/dixa-beta.d.ts",
];
/** Named so a failure says what leaked, not only that something did. */
const forbidden: [RegExp, string][] = [
  [/^test\//, "tests"],
  [/^scripts\//, "scripts"],
  [/^openapi\//, "the spec snapshot"],
  [
    /^(?!src\/|generated\/)(.+\/)?[^/]+(?<!\.d)\.ts$/,
    "a TypeScript file outside src/ and generated/",
  ],
  [/^examples\//, "examples"],
  [/^bench\//, "benchmarks"],
  [/(^|\/)node_modules\//, "node_modules"],
];

const failures: string[] = [];
function check(ok: boolean, message: string): void {
  if (!ok) failures.push(message);
}

async function main(): Promise<number> {
  const started = performance.now();
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    process.stdout.write(`${name}... `);
    const result = await run();
    const ms = Math.round(performance.now() - t);
    console.log(`${ms} ms`);
    return result;
  };

  const work = await mkdtemp(join(tmpdir(), "dixa-beta-package-"));
  let prismStarting: Promise<PrismServer> | undefined;
  const cleanUp = async () => {
    // A start that failed has nothing to stop; its error is reported where it is awaited.
    const prism = await prismStarting?.catch(() => undefined);
    await prism?.stop();
    await rm(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const pkg = JSON.parse(
      await readFile(join(projectRoot, "package.json"), "utf8"),
    ) as PackageJson;

    // 1. Pack the one build (not prepack's second one) and look inside.
    await step("dist/ (built once, reused when its sources have not changed)", () =>
      buildDist({ ifStale: true }),
    );
    const packed = await step("npm pack", async () => {
      const { stdout } = await npm(
        ["pack", "--json", "--ignore-scripts", "--pack-destination", work],
        { cwd: projectRoot },
      );
      return (JSON.parse(stdout) as PackResult[])[0]!;
    });
    const paths = packed.files.map((f) => f.path);
    for (const file of required) check(paths.includes(file), `the tarball lacks ${file}`);
    for (const target of exportTargets(pkg)) {
      check(paths.includes(target), `the tarball lacks ${target}, named in package.json`);
    }
    for (const path of paths) {
      const leak = forbidden.find(([pattern]) => pattern.test(path));
      if (leak) check(false, `the tarball ships ${leak[1]}: ${path}`);
      else check(allowed.test(path), `the tarball ships an unexpected file: ${path}`);
    }
    // Each entry point's JavaScript is a bundle; its declarations are tsc's, beside the sources.
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === "string") continue;
      check(target["types"] !== undefined, `exports["${subpath}"] has no types`);
    }
    for (const path of paths.filter((p) => p.endsWith(".d.ts.map"))) {
      const map = JSON.parse(await readFile(join(projectRoot, path), "utf8")) as {
        sources: string[];
      };
      for (const source of map.sources) {
        const target = posix.normalize(posix.join(posix.dirname(path), source));
        check(paths.includes(target), `${path} points at ${target}, which the tarball lacks`);
      }
    }
    if (failures.length > 0) return report(failures);

    // 2. A fresh project that installs the tarball, as a user would.
    const consumer = join(work, "consumer");
    await cp(consumerFixture, consumer, { recursive: true });
    const installedVersion = async (name: string) =>
      (
        JSON.parse(
          await readFile(join(projectRoot, "node_modules", name, "package.json"), "utf8"),
        ) as { version: string }
      ).version;
    const typesNode = { version: await installedVersion("@types/node") };
    // dixa-beta/otel's optional peer, which npm does not install by itself.
    const otelApi = { version: await installedVersion("@opentelemetry/api") };
    await step("npm install the tarball into a fresh project", () =>
      npm(
        [
          "install",
          join(work, packed.filename),
          `@types/node@${typesNode.version}`,
          `@opentelemetry/api@${otelApi.version}`,
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          "--no-package-lock",
          "--ignore-scripts",
        ],
        { cwd: consumer },
      ),
    );

    // 3. Typecheck the consumer with this project's TypeScript, two ways, while Prism starts for
    // step 5: three independent processes, side by side rather than one after another.
    prismStarting = startPrism();
    // Awaited in step 5 (or by the clean-up); until then a failed start must not crash us.
    prismStarting.catch(() => undefined);
    await step(
      "typecheck the consumer (strict; NodeNext, @types/node, no DOM, emit; Bundler, DOM, no @types/node)",
      () =>
        Promise.all([
          run(process.execPath, [tsc, "-p", "tsconfig.nodenext.json"], { cwd: consumer }),
          run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], { cwd: consumer }),
        ]),
    );

    // 4. What got installed: no Node.js built-in on the run-time path, only declared deps.
    const installed = join(consumer, "node_modules", pkg.name);
    const entryOf = (subpath: string) => {
      const target = pkg.exports[subpath];
      return join(installed, typeof target === "string" ? target : target!["default"]!);
    };
    const graph = walkImportGraph(entryOf("."));
    for (const edge of [...graph.builtins, ...graph.unresolved]) {
      check(false, `${relative(consumer, edge.from)} imports ${edge.specifier}`);
    }
    const redisGraph = walkImportGraph(entryOf("./redis"));
    for (const edge of [...redisGraph.builtins, ...redisGraph.unresolved]) {
      check(false, `${relative(consumer, edge.from)} imports ${edge.specifier}`);
    }
    check(
      redisGraph.packages.length === 0,
      `dixa-beta/redis reaches packages [${redisGraph.packages.join(", ")}]; the Redis client must be the user's`,
    );
    check(
      graph.packages.join() === Object.keys(pkg.dependencies).sort().join(),
      `the installed client reaches packages [${graph.packages.join(", ")}], expected its dependencies [${Object.keys(pkg.dependencies).join(", ")}]`,
    );
    // dixa-beta/testing runs wherever fetch does, and needs no package at all.
    const testingGraph = walkImportGraph(entryOf("./testing"));
    for (const edge of [...testingGraph.builtins, ...testingGraph.unresolved]) {
      check(false, `${relative(consumer, edge.from)} imports ${edge.specifier}`);
    }
    check(
      testingGraph.packages.length === 0,
      `dixa-beta/testing reaches packages [${testingGraph.packages.join(", ")}], expected none`,
    );
    // dixa-beta/webhooks: portable too, and light: no dependency, nothing of the API client.
    const webhooksGraph = walkImportGraph(entryOf("./webhooks"));
    for (const edge of [...webhooksGraph.builtins, ...webhooksGraph.unresolved]) {
      check(false, `${relative(consumer, edge.from)} imports ${edge.specifier}`);
    }
    // Beyond its own bundle it may reach only the chunk of src/shared/ (the dependency-free
    // modules it shares with the client: the capped body reader, the secret rule).
    const webhooksExtra: string[] = [];
    for (const file of webhooksGraph.files.filter((f) => f !== entryOf("./webhooks"))) {
      const modules = [...(await readFile(file, "utf8")).matchAll(/^\/\/ (src\/\S+)$/gm)];
      for (const [, module] of modules)
        if (!module!.startsWith("src/shared/")) webhooksExtra.push(module!);
      if (modules.length === 0) webhooksExtra.push(relative(consumer, file));
    }
    check(
      webhooksGraph.packages.length === 0 && webhooksExtra.length === 0,
      `dixa-beta/webhooks reaches packages [${webhooksGraph.packages.join(", ")}] or code beyond its own bundle and src/shared/ [${webhooksExtra.join(", ")}]`,
    );
    // dixa-beta/otel: portable, and reaches no package but its peer @opentelemetry/api (whose
    // extensionless internal imports the walker cannot follow; portability.test.ts checks them).
    const otelGraph = walkImportGraph(entryOf("./otel"));
    const apiDir = join(consumer, "node_modules", "@opentelemetry", "api");
    for (const edge of [
      ...otelGraph.builtins,
      ...otelGraph.unresolved.filter((e) => !e.from.startsWith(apiDir)),
    ]) {
      check(false, `${relative(consumer, edge.from)} imports ${edge.specifier}`);
    }
    check(
      otelGraph.packages.join() === "@opentelemetry/api",
      `dixa-beta/otel reaches packages [${otelGraph.packages.join(", ")}], expected only @opentelemetry/api`,
    );
    await step("module checks (require(esm), deep imports blocked)", async () => {
      const { stdout } = await run(
        process.execPath,
        [
          "--input-type=commonjs",
          "--no-warnings",
          "-e",
          `const c = require(${JSON.stringify(pkg.name)}); console.log(typeof c.createDixaClient)`,
        ],
        { cwd: consumer },
      );
      check(
        stdout.trim() === "function",
        "require() of the package does not give createDixaClient",
      );
      const deep = await run(
        process.execPath,
        ["--input-type=module", "-e", `await import("${pkg.name}/dist/src/client.d.ts")`],
        { cwd: consumer },
      ).then(
        () => "",
        (error: Error) => error.message,
      );
      check(
        deep.includes("ERR_PACKAGE_PATH_NOT_EXPORTED"),
        "a deep import of dist/src/client.d.ts is not blocked by exports",
      );
    });

    // 5. Run the compiled consumer against Prism.
    const prism = await step("Prism started", () => prismStarting!);
    const summary = await step("run the compiled consumer against Prism", async () => {
      const { stdout } = await run(process.execPath, ["out/main.js"], {
        cwd: consumer,
        env: { ...process.env, DIXA_BASE_URL: prism.url },
      });
      return JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    });
    check(typeof summary["noteId"] === "string", "notes.create returned no note id");
    check((summary["agents"] as number) > 0, "agents.list() iterated no agents");
    check(
      JSON.stringify(summary["bulkSuccesses"]) === "[0]" &&
        JSON.stringify(summary["bulkFailures"]) === "[1]",
      `notes.createMany: expected success #0 and failure #1, got ${JSON.stringify(summary)}`,
    );
    check(summary["notFoundStatus"] === 404, "a 404 was not narrowed by isDixaApiError");
    check(typeof summary["rawAgentName"] === "string", "client.raw.GET returned no agent");
    check(
      JSON.stringify(summary["sandboxBulkSuccesses"]) === "[0]" &&
        JSON.stringify(summary["sandboxBulkFailures"]) === "[1]" &&
        JSON.stringify(summary["sandboxPages"]) === "[2,2,1]" &&
        JSON.stringify(summary["sandboxStatuses"]) === "[200,200,200,200,503,200]" &&
        summary["mswHandlers"] === 1,
      `dixa-beta/testing: expected bulk [0]/[1], pages [2,2,1], a 503 retried, one handler; got ${JSON.stringify(summary)}`,
    );
    check(
      JSON.stringify(summary["webhooks"]) ===
        JSON.stringify({
          eventFqn: "CONVERSATION_MESSAGE_ADDED",
          csid: 2,
          duplicate: false,
          tampered: "bad-signature",
          subscribedAs: "CONVERSATION_MESSAGE_ADDED",
        }),
      `dixa-beta/webhooks: a signed delivery did not round-trip: ${JSON.stringify(summary["webhooks"])}`,
    );
    check(
      JSON.stringify(summary["otel"]) ===
        JSON.stringify({
          spans: ["POST /beta/conversations/{conversationId}/notes"],
          templates: ["/beta/conversations/{conversationId}/notes"],
          events: ["call-start", "request", "response", "call-end"],
        }),
      `dixa-beta/otel: expected one span and the user's hook to see the call: ${JSON.stringify(summary["otel"])}`,
    );
    check(
      summary["noteCall"] === "notes.create",
      `dixa-beta/operations: expected "notes.create" for postConversationsConversationidNotes, got ${String(summary["noteCall"])}`,
    );
    check(
      summary["redisEntry"] === "TypeError",
      `dixa-beta/redis did not refuse a non-client with a TypeError: ${String(summary["redisEntry"])}`,
    );

    if (failures.length > 0) return report(failures);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(
      `\n${packed.filename}: ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files`,
    );
    console.log(`  ${summarise(paths)}`);
    console.log(`  runtime dependencies: ${Object.keys(pkg.dependencies).join(", ")}`);
    console.log(
      `  import graph from ${relative(installed, entryOf("."))}: ${graph.files.length} files, no Node.js built-in`,
    );
    console.log(
      `  import graph of dixa-beta/testing: ${testingGraph.files.length} files, no Node.js built-in, no package`,
    );
    console.log(
      `  import graph of dixa-beta/webhooks: ${webhooksGraph.files.length} files, no Node.js built-in, no dependency`,
    );
    console.log(
      `  import graph of dixa-beta/otel: ${otelGraph.files.length} files, no Node.js built-in, no package but @opentelemetry/api`,
    );
    console.log(`  consumer against Prism: ${JSON.stringify(summary)}`);
    console.log(`Package OK in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

function report(problems: string[]): number {
  console.error(`\nPackage check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return 1;
}

/** The files package.json points at: main, types and every export target. */
function exportTargets(pkg: PackageJson): string[] {
  const targets = new Set<string>();
  const add = (target: unknown) => {
    if (typeof target === "string") targets.add(target.replace(/^\.\//, ""));
    else if (target && typeof target === "object") Object.values(target).forEach(add);
  };
  add(pkg.main);
  add(pkg.types);
  add(pkg.exports);
  return [...targets];
}

/** "dist/src: 120 files, dist/generated: 6 files, ..." */
function summarise(paths: string[]): string {
  const groups = new Map<string, number>();
  for (const path of paths) {
    const group = path.startsWith("dist/") ? path.split("/").slice(0, 2).join("/") : "top level";
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return [...groups].map(([group, count]) => `${group}: ${count} files`).join(", ");
}

/** npm: the one running this script (npm run sets npm_execpath), else the one on PATH. */
function npm(args: string[], options: { cwd: string }) {
  const cli = process.env["npm_execpath"];
  return cli?.endsWith(".js")
    ? run(process.execPath, [cli, ...args], options)
    : run(process.platform === "win32" ? "npm.cmd" : "npm", args, options);
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const output = `${stdout}\n${stderr}`.trim();
          reject(new Error(`${[command, ...args].join(" ")} failed:\n${output}`));
        } else resolve({ stdout, stderr });
      },
    );
  });
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(
      `\ntest:package failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
