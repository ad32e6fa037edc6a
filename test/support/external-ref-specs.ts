import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";
import { tinySpec } from "./tiny-spec.js";

/**
 * Bait for the "nothing resolves an outside reference" tests: a loopback server that records
 * every request and answers with a schema carrying a marker, and a temporary file whose content
 * carries another marker. If any tool followed a reference, a request would be recorded or a
 * marker would show up in some output.
 */
export const externalRefCases = [
  "an http $ref inside a properties map",
  "a file $ref inside a properties map",
  "a file $ref with a fragment in a schema",
  "an http $ref inside an example payload",
  "an externalValue example",
  "a discriminator mapping to a URL",
  "a file: URL $ref",
] as const;
export type ExternalRefCase = (typeof externalRefCases)[number];

export interface ExternalRefBait {
  server: LoopbackServer;
  dir: string;
  secretFile: string;
  remoteMarker: string;
  fileMarker: string;
  /** Descriptions that each reach outside themselves in one way, by name. */
  specs: Record<ExternalRefCase, ReturnType<typeof tinySpec>>;
  close(): Promise<void>;
}

export async function setUpExternalRefBait(): Promise<ExternalRefBait> {
  const remoteMarker = `REMOTE-MARKER-${randomBytes(6).toString("hex")}`;
  const fileMarker = `FILE-MARKER-${randomBytes(6).toString("hex")}`;
  const server = await startLoopbackServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/yaml" });
    response.end(stringify({ leaked: { type: "string", description: remoteMarker } }));
  });
  const dir = await mkdtemp(join(tmpdir(), "dixa-external-ref-"));
  const secretFile = join(dir, "secret.yaml");
  await writeFile(secretFile, stringify({ leaked: { type: "string", description: fileMarker } }));

  const withAgent = (change: (agent: Record<string, any>) => void) => {
    const spec = tinySpec();
    change(spec.components.schemas["Agent"]);
    return spec;
  };
  const specs: ExternalRefBait["specs"] = {
    "an http $ref inside a properties map": withAgent((agent) => {
      agent.properties = { $ref: `${server.url}/properties.yaml` };
    }),
    "a file $ref inside a properties map": withAgent((agent) => {
      agent.properties = { $ref: secretFile };
    }),
    "a file $ref with a fragment in a schema": withAgent((agent) => {
      agent.properties.email = { $ref: `${secretFile}#/leaked` };
    }),
    "an http $ref inside an example payload": withAgent((agent) => {
      agent.example = { id: "x", nested: { $ref: `${server.url}/example.yaml` } };
    }),
    "an externalValue example": (() => {
      const spec = tinySpec();
      spec.paths["/beta/agents"]!["get"].responses["200"].content["application/json"].examples = {
        leak: { externalValue: `${server.url}/example.json` },
      };
      return spec;
    })(),
    "a discriminator mapping to a URL": withAgent((agent) => {
      agent.discriminator = {
        propertyName: "kind",
        mapping: { remote: `${server.url}/mapping.yaml` },
      };
      agent.properties.kind = { type: "string" };
    }),
    "a file: URL $ref": withAgent((agent) => {
      agent.properties.email = { $ref: `file://${secretFile}` };
    }),
  };
  return {
    server,
    dir,
    secretFile,
    remoteMarker,
    fileMarker,
    specs,
    close: () => server.close(),
  };
}
