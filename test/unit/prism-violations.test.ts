import { expect, it } from "vitest";
import { requestViolations } from "../contract/prism-client.js";

it("reads request violations from a whole or a truncated sl-violations header", () => {
  const request = {
    location: ["request", "body"],
    severity: "Error",
    code: "required",
    message: "Request body must have required property 'message'",
  };
  const response = {
    location: ["response", "body"],
    severity: "Error",
    code: "format",
    message: "bad date",
  };
  expect(requestViolations(null)).toEqual([]);
  expect(requestViolations(JSON.stringify([response]))).toEqual([]);
  expect(requestViolations(JSON.stringify([response, request]))).toEqual([request.message]);
  const truncated =
    `Too many violations! ${JSON.stringify([response, request, response, response])}`.slice(0, 300);
  expect(requestViolations(truncated)).toEqual([request.message]);
  expect(
    requestViolations(`Too many violations! ${JSON.stringify([response, response])}`.slice(0, 150)),
  ).toEqual([]);
});
