import { afterEach, describe, expect, it } from "vitest";

import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import {
  type RefusalCase as Case,
  expectRefusedBeforeSending,
} from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const requestId = "062f0b37-4de0-40f2-95a4-641435cb2869";

describe("anonymization validation happens before any request", () => {
  const cases: Case[] = [
    [
      "getRequest: a request id that is not a UUID",
      "async",
      (c) => c.anonymization.getRequest("4711"),
      /requestId must be a UUID string/,
    ],
    [
      "getRequest: no request id",
      "async",
      (c) => c.anonymization.getRequest(undefined as never),
      /requestId must be a UUID string, got undefined/,
    ],
    [
      "request: no body",
      "async",
      (c) => c.anonymization.request(null as never),
      /entity must be an object, got null/,
    ],
    [
      "request: no entityId",
      "async",
      (c) => c.anonymization.request({ _type: "User" } as never),
      /entity\.entityId must be a non-empty string/,
    ],
    [
      "request: a _type that is not a string",
      "async",
      (c) => c.anonymization.request({ entityId: "a", _type: 1 as never }),
      /entity\._type must be a string/,
    ],
    [
      "request: forceAnonymization that is not a boolean",
      "async",
      (c) => c.anonymization.request({ entityId: "a", forceAnonymization: "true" as never }),
      /entity\.forceAnonymization must be a boolean/,
    ],
  ];
  it.each(cases)("%s", async (...testCase) => expectRefusedBeforeSending(testCase));
});

describe("anonymization request shape", () => {
  it("request posts the entity and unwraps the request status", async () => {
    const status = {
      id: requestId,
      entityType: "ConversationAnonymizationType",
      _type: "Conversation",
      initiatedAt: "2021-12-01T12:46:36.581Z[GMT]",
      targetEntityId: "4711",
      requestedBy: "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89",
    };
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: status }),
    );
    const entity = { entityId: "4711", _type: "Conversation", forceAnonymization: true };
    expect(await clientFor(server).anonymization.request(entity)).toEqual(status);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/beta/anonymization" });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(entity);
  });
});
