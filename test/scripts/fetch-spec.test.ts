import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { projectRoot, runScript } from "../support/run-script.js";

const upstreamYaml = await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8");
const upstreamJson = JSON.stringify(parse(upstreamYaml));
const sha = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

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
};

let server: LoopbackServer;
let specDir: string;
let before: { spec: Buffer; provenance: Buffer };

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const route = routes[request.url];
    if (route === "hang") return; // never answers: the client's timeout must fire
    if (route === undefined) return void response.writeHead(404).end();
    response.writeHead(route.status, { "content-type": route.type }).end(route.body);
  });
});
afterAll(() => server.close());

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
  return runScript("fetch-spec.ts", [...args, "--out-dir", specDir]);
}

describe("spec:fetch refuses bad downloads and changes nothing", () => {
  const failures: Array<[string, string, RegExp]> = [
    ["an HTML page served with 200", "/login.html", /HTML page/],
    ["an HTML page with a neutral content type", "/html-as-yaml", /HTML\/XML page/],
    ["a 404", "/missing", /HTTP 404/],
    ["a 500", "/broken", /HTTP 500/],
    ["YAML truncated at a line", "/truncated.yaml", /dangling \$ref|not valid YAML/],
    ["YAML cut inside a token", "/cut-mid-token.yaml", /not valid YAML|dangling \$ref/],
    ["valid YAML that is not OpenAPI", "/not-openapi.yaml", /not an OpenAPI 3\.x document/],
    ["a Swagger 2.0 document", "/swagger2.yaml", /not an OpenAPI 3\.x document/],
    ["a dangling $ref", "/dangling-ref.yaml", /dangling \$ref #\/components\/schemas\/Nope/],
    [
      "a path outside /beta/",
      "/outside-beta.yaml",
      /\/v1\/analytics\/metrics is not under \/beta\//,
    ],
  ];

  it.each(failures)("%s", async (_name, path, reason) => {
    const result = await fetchSpec("--url", `${server.url}${path}`);
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
