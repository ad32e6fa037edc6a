/**
 * Success answers of the wrong shape (issue 19.11): each is a DixaMalformedResponseError with
 * the status that really came, never a `null`, a string or a list handed back as the resource,
 * and never a page that quietly ends the list. And statuses outside HTTP's range (issue 19.12).
 */
import { describe, expect, it } from "vitest";
import {
  createDixaClient,
  DixaError,
  DixaMalformedResponseError,
  type DixaClient,
} from "../../src/index.js";
import { startLoopbackServer } from "../support/loopback-server.js";

/** A client whose fetch answers every request with `status` and `body` (JSON text, or none). */
function answering(status: number, body: string | undefined): DixaClient {
  return createDixaClient({
    apiKey: "shape-test-key",
    rateLimit: false,
    retry: false,
    fetch: async () =>
      new Response(body ?? null, {
        status,
        headers: body === undefined ? {} : { "content-type": "application/json" },
      }),
  });
}

type Call = [name: string, call: (client: DixaClient) => Promise<unknown>];
const getOrganization: Call = ["organization.get (an object)", (c) => c.organization.get()];
const createNote: Call = ["notes.create (an object)", (c) => c.notes.create(1, { message: "x" })];
const listNotes: Call = ["notes.list (a list)", (c) => c.notes.list(1)];
const firstPage: Call = ["await agents.list() (a page)", async (c) => await c.agents.list()];
const allAgents: Call = ["agents.list().toArray()", (c) => c.agents.list().toArray()];

const cases: Array<[Call, number, string | undefined, RegExp]> = [
  [getOrganization, 200, '{"data":null}', /`data` that is null, where an object is described/],
  [getOrganization, 200, '{"data":[1,2]}', /`data` that is a list, where an object is described/],
  [getOrganization, 200, '{"data":"x"}', /`data` that is a string, where an object is described/],
  [createNote, 201, '{"data":null}', /answered 201 with `data` that is null/],
  [listNotes, 200, '{"data":null}', /`data` that is null, where a list is described/],
  [listNotes, 200, '{"data":{"id":"n"}}', /`data` that is an object, where a list is described/],
  [getOrganization, 204, undefined, /answered 204 with no body, where a JSON object is described/],
  [createNote, 200, "[]", /with a body that is a list, where a JSON object is described/],
  [firstPage, 200, "null", /answered 200 with a body that is null/],
  [allAgents, 200, '"abc"', /answered 200 with a body that is a string/],
  [allAgents, 200, "42", /answered 200 with a body that is a number/],
  [allAgents, 200, "{}", /without the `\{ data \}` envelope/],
  [allAgents, 200, '{"data":[],"meta":{"next":7}}', /a `meta.next` that is a number/],
];

describe("an answer of the wrong shape is a DixaMalformedResponseError with its real status", () => {
  it.each(cases)("%s: %i %s", async ([, call], status, body, message) => {
    const error = await call(answering(status, body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaMalformedResponseError);
    expect(error).toMatchObject({ kind: "malformed-response", status });
    expect((error as Error).message).toMatch(message);
  });

  it("a well-shaped answer still comes back as the resource", async () => {
    const organization = await answering(
      200,
      '{"data":{"id":"o","name":"Org"}}',
    ).organization.get();
    expect(organization).toEqual({ id: "o", name: "Org" });
    expect(await answering(200, '{"data":[]}').notes.list(1)).toEqual([]);
    expect(await answering(200, '{"data":[]}').agents.list().toArray()).toEqual([]);
  });

  it("a call documented to answer nothing accepts an empty 204", async () => {
    await expect(
      answering(204, undefined).tags.activate("5d2e0a4b-3f62-4d8f-a8a4-0c4a1c8d3d60"),
    ).resolves.toBeUndefined();
  });
});

describe("a status outside 200 to 599", () => {
  it.each([600, 999])("%i is a DixaError, for the facade and client.raw alike", async (status) => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end('{"data":{}}');
    });
    try {
      const client = createDixaClient({
        apiKey: "shape-test-key",
        baseUrl: server.url,
        rateLimit: false,
        retry: false,
      });
      for (const call of [
        () => client.raw.GET("/beta/organization"),
        () => client.organization.get(),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DixaError);
        expect(error).toMatchObject({ kind: "malformed-response", status });
        expect((error as Error).message).toMatch(/a status outside HTTP's 200 to 599/);
      }
    } finally {
      await server.close();
    }
  });
});
