import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { projectRoot, runScript } from "../support/run-script.js";

const upstreamYaml = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
const upstreamJson = JSON.stringify(parse(upstreamYaml));
const sha = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A 9-level "billion laughs": under 1 KB of YAML that expands to 9^9 strings. */
const billionLaughs = (() => {
  const names = "abcdefghi".split("");
  const lines = [`  a: &a [${Array(9).fill('"lol"').join(",")}]`];
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `  ${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(",")}]`,
    );
  }
  return [
    "openapi: 3.0.3",
    "info: {title: Dixa, version: beta}",
    "x-lols:",
    ...lines,
    "paths:",
    "  /beta/agents:",
    "    get:",
    "      responses: {'200': {description: ok}}",
    "",
  ].join("\n");
})();
/** Where a cut at a line boundary inside components/schemas leaves the later schemas missing. */
const cutAtLineInSchemas =
  upstreamYaml.indexOf("\n", upstreamYaml.indexOf("\ncomponents:") + 40_000) + 1;
const megabyte = Buffer.alloc(1024 * 1024, "# padding to make a huge download\n");
/** Bytes the server managed to send of each huge download before the client hung up. */
const sentBytes: Record<string, number> = {};

/** What each path of the fake documentation site answers. */
const routes: Record<string, { status: number; type: string; body: string } | "hang"> = {
  "/spec.yaml": { status: 200, type: "application/yaml", body: upstreamYaml },
  "/spec.json": { status: 200, type: "application/json", body: upstreamJson },
  "/login.html": {
    status: 200,
    type: "text/html",
    body: "<!doctype html><html><body>Sign in</body></html>",
  },
  "/html-as-yaml": {
    status: 200,
    type: "application/octet-stream",
    body: "<!DOCTYPE html><html><head><title>Docs</title></head></html>",
  },
  "/missing": { status: 404, type: "text/plain", body: "not found" },
  "/broken": { status: 500, type: "application/json", body: '{"message":"boom"}' },
  "/truncated.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.slice(0, Math.floor(upstreamYaml.length / 2)),
  },
  "/cut-mid-token.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.slice(0, upstreamYaml.indexOf("'#/components/schemas/") + 10),
  },
  "/not-openapi.yaml": {
    status: 200,
    type: "application/yaml",
    body: "name: dixa\nversion: 1\nitems:\n  - a\n",
  },
  "/swagger2.yaml": {
    status: 200,
    type: "application/yaml",
    body: "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n",
  },
  "/dangling-ref.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.replace(
      "$ref: '#/components/schemas/GetMetricsOutput'",
      "$ref: '#/components/schemas/Nope'",
    ),
  },
  "/outside-beta.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.replace("  /beta/analytics/metrics:\n", "  /v1/analytics/metrics:\n"),
  },
  "/hang": "hang",
  "/billion-laughs.yaml": { status: 200, type: "application/yaml", body: billionLaughs },
  "/deep.json": {
    status: 200,
    type: "application/json",
    body: `{"openapi": "3.0.3", "x": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
  },
  "/deep.yaml": {
    status: 200,
    type: "application/yaml",
    body: `openapi: 3.0.3\nx: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`,
  },
  "/dot-segment.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.replace("  /beta/analytics/metrics:\n", "  /beta/../admin/metrics:\n"),
  },
  "/cut-at-line.yaml": {
    status: 200,
    type: "application/yaml",
    body: upstreamYaml.slice(0, cutAtLineInSchemas),
  },
};

let server: LoopbackServer;
let specDir: string;
let before: { spec: Buffer; provenance: Buffer };

beforeAll(async () => {
  server = await startLoopbackServer(async (request, response, raw) => {
    if (request.url === "/short-body.yaml") {
      // Announces the whole description, sends half, then drops the connection.
      const body = Buffer.from(upstreamYaml);
      response.writeHead(200, {
        "content-type": "application/yaml",
        "content-length": body.length,
      });
      response.write(body.subarray(0, body.length / 2));
      return void setTimeout(() => raw.socket.destroy(), 100);
    }
    if (request.url.startsWith("/huge-")) return sendHuge(request.url, response);
    const route = routes[request.url];
    if (route === "hang") return; // never answers: the client's timeout must fire
    if (route === undefined) return void response.writeHead(404).end();
    response.writeHead(route.status, { "content-type": route.type }).end(route.body);
  });
});
afterAll(() => server.close());

/** Streams 105 MB without holding it, counting what went out until the client hangs up. */
async function sendHuge(url: string, response: import("node:http").ServerResponse) {
  const total = 105 * megabyte.length;
  const announce = url === "/huge-announced.yaml";
  response.writeHead(200, {
    "content-type": "application/yaml",
    ...(announce ? { "content-length": String(total) } : {}),
  });
  sentBytes[url] = 0;
  response.write("openapi: 3.0.3\n");
  for (let sent = 0; sent < total && !response.destroyed; sent += megabyte.length) {
    const drained = response.write(megabyte);
    sentBytes[url] += megabyte.length;
    if (!drained) {
      await new Promise<void>((resolve) => {
        const go = () => {
          response.off("drain", go).off("close", go);
          resolve();
        };
        response.on("drain", go).on("close", go);
      });
    }
  }
  response.end();
}

beforeEach(async () => {
  specDir = await mkdtemp(join(tmpdir(), "dixa-spec-"));
  await cp(join(projectRoot, "openapi", "dixa-beta.yaml"), join(specDir, "dixa-beta.yaml"));
  await cp(join(projectRoot, "openapi", "provenance.json"), join(specDir, "provenance.json"));
  before = await snapshotBytes();
});
afterEach(() => rm(specDir, { recursive: true, force: true }));

async function snapshotBytes() {
  return {
    spec: await readFile(join(specDir, "dixa-beta.yaml")),
    provenance: await readFile(join(specDir, "provenance.json")),
  };
}

function fetchSpec(...args: string[]) {
  return runScript("fetch-spec.ts", [...args, "--out-dir", specDir], {}, { killAfterMs: 60_000 });
}

describe("spec:fetch refuses bad downloads and changes nothing", () => {
  const failures: Array<[string, string, RegExp]> = [
    ["an HTML page served with 200", "/login.html", /HTML page/],
    ["an HTML page with a neutral content type", "/html-as-yaml", /HTML\/XML page/],
    ["a 404", "/missing", /HTTP 404/],
    ["a 500", "/broken", /HTTP 500/],
    ["YAML cut mid-line", "/truncated.yaml", /^spec:fetch failed: the download looks truncated \(/],
    [
      "YAML cut inside a token",
      "/cut-mid-token.yaml",
      /the download looks truncated \(it ends mid-structure at line \d+; the document is not valid YAML/,
    ],
    [
      "YAML cut at a line boundary",
      "/cut-at-line.yaml",
      /the download looks truncated \(\d+ \$refs point into the part of the document where it ends; dangling \$ref/,
    ],
    [
      "a body shorter than its Content-Length",
      "/short-body.yaml",
      /the download looks truncated \(the connection ended after \d+ of the \d+ announced bytes/,
    ],
    [
      "a billion-laughs YAML",
      "/billion-laughs.yaml",
      /the YAML expands aliases more than 100 times \(alias limit/,
    ],
    ["JSON nested 200,000 deep", "/deep.json", /nests deeper than 64 levels \(nesting limit\)/],
    ["YAML nested 200,000 deep", "/deep.yaml", /nests deeper than 64 levels \(nesting limit\)/],
    [
      "a path that climbs out of /beta/",
      "/dot-segment.yaml",
      /path \/beta\/\.\.\/admin\/metrics has a dot segment \(".."\) and would resolve to \/admin\/metrics/,
    ],
    ["valid YAML that is not OpenAPI", "/not-openapi.yaml", /not an OpenAPI 3\.x document/],
    ["a Swagger 2.0 document", "/swagger2.yaml", /not an OpenAPI 3\.x document/],
    [
      "a dangling $ref (a typo, not a cut)",
      "/dangling-ref.yaml",
      /failed: dangling \$ref #\/components\/schemas\/Nope/,
    ],
    [
      "a path outside /beta/",
      "/outside-beta.yaml",
      /\/v1\/analytics\/metrics is not under \/beta\//,
    ],
  ];

  // Each refusal must come within seconds: the process is killed after a minute (generous for
  // a busy 2-core machine; the alias bomb used to hang for many minutes).
  it.each(failures)("%s", async (_name, path, reason) => {
    const result = await fetchSpec("--url", `${server.url}${path}`);
    expect(result.killed).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    const after = await snapshotBytes();
    expect(sha(after.spec)).toBe(sha(before.spec));
    expect(after.provenance.equals(before.provenance)).toBe(true);
    expect(await readdir(specDir)).toEqual(["dixa-beta.yaml", "provenance.json"]);
  });

  it("a server that never answers times out", async () => {
    const started = Date.now();
    const result = await fetchSpec("--url", `${server.url}/hang`, "--timeout", "400");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/timed out after 400 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sha((await snapshotBytes()).spec)).toBe(sha(before.spec));
  });

  it("a connection refused names the cause", async () => {
    const closed = await startLoopbackServer(() => {});
    await closed.close();
    const result = await fetchSpec("--url", `${closed.url}/spec.yaml`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/cannot download .*ECONNREFUSED/);
  });

  it.each([
    [
      "105 MB announced by Content-Length",
      "/huge-announced.yaml",
      /announces 110100480 bytes, over the 20 MiB size limit/,
    ],
    [
      "105 MB streamed without a length",
      "/huge-streamed.yaml",
      /sent more than the 20 MiB size limit; download stopped/,
    ],
  ])("%s is refused while streaming, long before 105 MB", async (_name, path, reason) => {
    const result = await fetchSpec("--url", `${server.url}${path}`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(sentBytes[path]).toBeLessThan(40 * megabyte.length);
    expect(sha((await snapshotBytes()).spec)).toBe(sha(before.spec));
    expect(await readdir(specDir)).toEqual(["dixa-beta.yaml", "provenance.json"]);
  });

  it("a file over the size limit is refused before it is read", async () => {
    const huge = join(specDir, "huge.yaml");
    await writeFile(huge, "openapi: 3.0.3\n");
    await truncate(huge, 25 * megabyte.length);
    const result = await fetchSpec("--file", huge);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/huge\.yaml is 26214400 bytes, over the 20 MiB size limit/);
    expect(sha((await snapshotBytes()).spec)).toBe(sha(before.spec));
  });

  it("a missing file names the file", async () => {
    const result = await fetchSpec("--file", join(specDir, "nope.yaml"));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/cannot read .*nope\.yaml/);
  });

  it("--url and --file together are refused", async () => {
    const result = await fetchSpec("--url", `${server.url}/spec.yaml`, "--file", "x.yaml");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/either --url or --file/);
  });
});

describe("spec:fetch accepts a complete description", () => {
  it("writes YAML as downloaded, with provenance", async () => {
    await rm(join(specDir, "dixa-beta.yaml"));
    await rm(join(specDir, "provenance.json"));
    const result = await fetchSpec("--url", `${server.url}/spec.yaml`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = await snapshotBytes();
    expect(written.spec.toString("utf8")).toBe(upstreamYaml);
    const provenance = JSON.parse(written.provenance.toString("utf8"));
    expect(provenance).toMatchObject({
      source: `${server.url}/spec.yaml`,
      sha256: sha(upstreamYaml),
      bytes: Buffer.byteLength(upstreamYaml),
      openapi: "3.0.3",
      paths: 91,
      operations: 123,
    });
    expect(Date.parse(provenance.retrievedAt)).not.toBeNaN();
  });

  it("accepts JSON and stores its bytes unchanged", async () => {
    const result = await fetchSpec("--url", `${server.url}/spec.json`);
    expect(result.code).toBe(0);
    const written = await snapshotBytes();
    expect(written.spec.toString("utf8")).toBe(upstreamJson);
    expect(JSON.parse(written.provenance.toString("utf8")).sha256).toBe(sha(upstreamJson));
  });

  it("takes the URL from DIXA_OPENAPI_URL when no flag is given", async () => {
    const result = await runScript("fetch-spec.ts", ["--out-dir", specDir], {
      DIXA_OPENAPI_URL: `${server.url}/spec.json`,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse((await snapshotBytes()).provenance.toString("utf8")).source).toBe(
      `${server.url}/spec.json`,
    );
  });

  it("leaves an identical snapshot byte-for-byte untouched", async () => {
    const result = await fetchSpec("--url", `${server.url}/spec.yaml`);
    expect(result.code).toBe(0);
    const first = await snapshotBytes();
    const firstModified = (await stat(join(specDir, "provenance.json"))).mtimeMs;
    const again = await fetchSpec("--url", `${server.url}/spec.yaml`);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already up to date/);
    const second = await snapshotBytes();
    expect(second.spec.equals(first.spec)).toBe(true);
    expect(second.provenance.equals(first.provenance)).toBe(true);
    expect((await stat(join(specDir, "provenance.json"))).mtimeMs).toBe(firstModified);
  });
});
