import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";
import { exampleBody } from "../contract/spec-examples.js";
import { testApiKey } from "../support/test-client.js";

/**
 * The shared loopback server decodes bodies as UTF-8, which would mangle image bytes, so this
 * file runs its own: it keeps each request body as raw bytes and parses the multipart body
 * with the small parser below (independent of the fetch implementation that built it).
 */
interface RawRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
interface RawServer {
  url: string;
  requests: RawRequest[];
  close(): Promise<void>;
}

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startRawServer(
  answer: (
    request: RawRequest,
    index: number,
  ) => { status: number; body?: unknown; headers?: Record<string, string> },
): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const http = createServer(async (raw, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const request = {
      method: raw.method ?? "",
      url: raw.url ?? "",
      headers: raw.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(request);
    const { status, body, headers = {} } = answer(request, requests.length - 1);
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body === undefined ? "" : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface Part {
  headers: Record<string, string>;
  name: string | undefined;
  filename: string | undefined;
  data: Buffer;
}

/** A strict RFC 7578 reader: CRLF delimiters, one header block per part, bytes kept as is. */
function parseMultipart(contentType: string | undefined, body: Buffer): Part[] {
  const match = /^multipart\/form-data;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
    contentType ?? "",
  );
  if (!match) throw new Error(`not multipart/form-data: ${contentType}`);
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new Error("body does not start with the boundary");
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === "--") break; // closing delimiter
    if (body.subarray(position, position + 2).toString() !== "\r\n")
      throw new Error("bad delimiter line");
    position += 2;
    const headerEnd = body.indexOf("\r\n\r\n", position);
    const headers: Record<string, string> = {};
    for (const line of body.subarray(position, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new Error("unterminated part");
    const disposition = headers["content-disposition"] ?? "";
    parts.push({
      headers,
      name: /;\s*name="([^"]*)"/.exec(disposition)?.[1],
      filename: /;\s*filename="([^"]*)"/.exec(disposition)?.[1],
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
  return parts;
}

const client = (s: RawServer, options: Partial<DixaClientOptions> = {}) =>
  createDixaClient({ apiKey: testApiKey, baseUrl: s.url, rateLimit: false, ...options });

/** Every byte value, so nothing survives that a text decoding would have changed. */
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const pngHeader = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("knowledge.uploadAttachments sends real multipart/form-data", () => {
  it("one `files` part per file, with file names, media types and the exact bytes", async () => {
    const answer = exampleBody("postKnowledgeArticlesAttachments");
    server = await startRawServer(() => ({ status: 200, body: answer }));
    // A Uint8Array that is a window on a bigger buffer: only its own bytes may be sent.
    const window = new Uint8Array(600);
    window.set(allBytes, 100);
    const bytesInWindow = window.subarray(100, 356);
    const buffer = Buffer.from(allBytes).reverse();
    const result = await client(server).knowledge.uploadAttachments([
      { name: "logo.png", data: Buffer.concat([pngHeader, buffer]) }, // Node Buffer, type from name
      { name: "photo.JPEG", data: bytesInWindow }, // Uint8Array window, type from name
      { name: "anim.gif", data: allBytes.buffer.slice(0), type: "image/gif" }, // ArrayBuffer
      { name: "pic.webp", data: new Blob([allBytes]) }, // Blob without a type
      new File([pngHeader, allBytes], "banner.jpg", { type: "image/jpeg" }), // File
    ]);
    expect(result).toEqual(answer);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/beta/knowledge/articles/attachments");
    expect(request!.headers["authorization"]).toBe(testApiKey);
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(Number(request!.headers["content-length"] ?? request!.body.length)).toBe(
      request!.body.length,
    );
    const parts = parseMultipart(request!.headers["content-type"], request!.body);
    expect(parts.map((p) => [p.name, p.filename, p.headers["content-type"]])).toEqual([
      ["files", "logo.png", "image/png"],
      ["files", "photo.JPEG", "image/jpeg"],
      ["files", "anim.gif", "image/gif"],
      ["files", "pic.webp", "image/webp"],
      ["files", "banner.jpg", "image/jpeg"],
    ]);
    expect(parts[0]!.data.equals(Buffer.concat([pngHeader, buffer]))).toBe(true);
    expect(parts[1]!.data.equals(Buffer.from(allBytes))).toBe(true);
    expect(parts[2]!.data.equals(Buffer.from(allBytes))).toBe(true);
    expect(parts[3]!.data.equals(Buffer.from(allBytes))).toBe(true);
    expect(parts[4]!.data.equals(Buffer.concat([pngHeader, allBytes]))).toBe(true);
  });

  it("the body also reads back as FormData (what a server framework would see)", async () => {
    server = await startRawServer(() => ({ status: 200, body: { data: [], partialErrors: [] } }));
    await client(server).knowledge.uploadAttachments([
      { name: "a.png", data: pngHeader },
      { name: "b.bin", data: allBytes, type: "image/png" },
      { name: "c.tiff", data: allBytes }, // no known image type: left to Dixa to refuse
    ]);
    const [request] = server.requests;
    const form = await new Response(new Uint8Array(request!.body), {
      headers: { "content-type": request!.headers["content-type"]! },
    }).formData();
    expect([...form.keys()]).toEqual(["files", "files", "files"]);
    const files = form.getAll("files") as File[];
    expect(files.map((f) => [f.name, f.type, f.size])).toEqual([
      ["a.png", "image/png", 8],
      ["b.bin", "image/png", 256],
      ["c.tiff", "application/octet-stream", 256],
    ]);
    expect(new Uint8Array(await files[1]!.arrayBuffer())).toEqual(allBytes);
  });

  it("keeps partial failures: the whole answer comes back, not just data", async () => {
    const answer = {
      data: [{ originalFilename: "ok.png", url: "https://cdn.example.com/ok.png" }],
      partialErrors: [{ originalFilename: "huge.png", message: "File too large", code: 400 }],
    };
    server = await startRawServer(() => ({ status: 200, body: answer }));
    const result = await client(server).knowledge.uploadAttachments([
      { name: "ok.png", data: pngHeader },
      { name: "huge.png", data: pngHeader },
    ]);
    expect(result).toEqual(answer);
    expect(result.partialErrors?.[0]?.code).toBe(400);
  });

  it("a 429 is retried with the same multipart body", async () => {
    server = await startRawServer((_request, index) =>
      index === 0
        ? { status: 429, body: { message: "Too many requests" }, headers: { "retry-after": "0" } }
        : { status: 200, body: { data: [], partialErrors: [] } },
    );
    await client(server, { retry: { baseDelayMs: 0 } }).knowledge.uploadAttachments([
      { name: "a.png", data: allBytes },
    ]);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.headers["content-type"]).toBe(first!.headers["content-type"]);
    expect(second!.body.equals(first!.body)).toBe(true);
    const [part] = parseMultipart(second!.headers["content-type"], second!.body);
    expect(part!.data.equals(Buffer.from(allBytes))).toBe(true);
  });

  it("a non-2xx answer is a DixaApiError; the file bytes are not in it", async () => {
    server = await startRawServer(() => ({
      status: 400,
      body: { message: "Decoding failure in request" },
    }));
    const error = await client(server)
      .knowledge.uploadAttachments([
        { name: "a.png", data: new TextEncoder().encode("SECRET-BYTES") },
      ])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "DixaApiError",
      status: 400,
      method: "POST",
      pathTemplate: "/beta/knowledge/articles/attachments",
    });
    expect(JSON.stringify(error)).not.toContain("SECRET-BYTES");
    expect(String(error)).not.toContain("SECRET-BYTES");
  });
});
