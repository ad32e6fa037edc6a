import { afterEach, describe, expect, it } from "vitest";
import { DixaApiError } from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const organization = {
  id: "e9609fa9-efff-4fdc-a7ef-dd335f33c5f6",
  name: "Example Organization",
  subdomain: "example-org",
  status: "Active",
};

// organization.get takes no id and no body, so there is nothing to refuse before sending; these
// tests pin what it sends and how it answers.
describe("organization", () => {
  it("get sends a bare GET and unwraps { data }", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: organization }),
    );
    expect(await clientFor(server).organization.get()).toEqual(organization);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/beta/organization",
      body: "",
    });
  });

  it("get rejects (never throws) with a DixaApiError on 404", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 404, { message: "The requested resource could not be found" }),
    );
    const error = await clientFor(server)
      .organization.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaApiError);
    expect(error).toMatchObject({ status: 404, pathTemplate: "/beta/organization" });
  });

  it("get refuses a body without the { data } envelope", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, organization),
    );
    await expect(clientFor(server).organization.get()).rejects.toThrow(/\{ data \}/);
  });
});
