import { errorBodies, exampleAnswers } from "../../generated/example-answers.js";
import type { Answer } from "./answer.js";
import type { Route } from "./routes.js";

/**
 * What Prism answers in its static mode, for the in-process sandbox (which has no Prism): a
 * problem+json 401 without an `Authorization` header, 404 or 405 for a path or method the spec
 * does not have, else the operation's example answer from the generated table. Unlike Prism, it
 * does not check parameters and bodies against the spec.
 */
export function staticAnswer(
  route: Route | undefined,
  pathExists: boolean,
  path: string,
  authorized: boolean,
): Answer {
  if (route === undefined) {
    return pathExists
      ? problem(405, "METHOD_NOT_ALLOWED", "Method not allowed", `No such method for ${path}`)
      : problem(
          404,
          "NO_PATH_MATCHED_ERROR",
          "Route not resolved, no path matched",
          `The route ${path} hasn't been found in the specification file`,
        );
  }
  if (!authorized) {
    return problem(
      401,
      "UNAUTHORIZED",
      "Invalid security scheme used",
      "The request has no Authorization header (the API token).",
    );
  }
  const example = exampleAnswers[route.key];
  if (example === undefined) return { status: 204 };
  return example.body === undefined
    ? { status: example.status }
    : { status: example.status, body: structuredClone(example.body) };
}

/** The status an operation answers on success, per the spec (200 when it names none). */
export function successStatus(route: Route): number {
  return exampleAnswers[route.key]?.status ?? 200;
}

/**
 * The body for an error status: the operation's documented example for it, else Dixa's usual
 * `{ message }` shape.
 */
export function errorBody(route: Route | undefined, status: number): unknown {
  const index = route === undefined ? undefined : exampleAnswers[route.key]?.errors[status];
  if (index !== undefined) return structuredClone(errorBodies[index]);
  return { message: `The sandbox was asked to answer ${status}` };
}

function problem(status: number, type: string, title: string, detail: string): Answer {
  return {
    status,
    contentType: "application/problem+json",
    body: { type: `https://stoplight.io/prism/errors#${type}`, title, status, detail },
  };
}
