import { operationTable } from "../../generated/operation-table.js";

/** The spec operation a request addresses, with its path parameters. */
export interface Route {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/beta/agents/{agentId}`. */
  template: string;
  /** `METHOD /template`, the key of the generated example table. */
  key: string;
  params: Record<string, string>;
  paged: boolean;
  bulkOutcomes: boolean;
}

interface CompiledRoute extends Omit<Route, "params"> {
  segments: string[];
  literals: number;
}

const routes: CompiledRoute[] = Object.entries(operationTable)
  .map(([operationId, op]) => {
    const segments = op.path.split("/");
    const method = op.method.toUpperCase();
    return {
      operationId,
      method,
      template: op.path,
      key: `${method} ${op.path}`,
      paged: op.paged,
      bulkOutcomes: op.bulkOutcomes,
      segments,
      literals: segments.filter((s) => !isParameter(s)).length,
    };
  })
  // `/beta/agents/presence` must win over `/beta/agents/{agentId}`, as it does in Prism.
  .sort((a, b) => b.literals - a.literals);

function isParameter(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}

function paramsOf(route: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!;
    const part = parts[i]!;
    if (isParameter(segment)) {
      if (part === "") return undefined;
      params[segment.slice(1, -1)] = decodeURIComponent(part);
    } else if (segment !== part) return undefined;
  }
  return params;
}

/**
 * Finds the operation for a method and path. `pathExists` tells a wrong method on a known path
 * (Prism answers 405) from an unknown path (404).
 */
export function matchRoute(
  method: string,
  pathname: string,
): { route: Route | undefined; pathExists: boolean } {
  const parts = pathname.replace(/\/+$/, "").split("/");
  let pathExists = false;
  for (const candidate of routes) {
    const params = paramsOf(candidate, parts);
    if (params === undefined) continue;
    pathExists = true;
    if (candidate.method !== method.toUpperCase()) continue;
    const { segments: _segments, literals: _literals, ...route } = candidate;
    return { route: { ...route, params }, pathExists };
  }
  return { route: undefined, pathExists };
}
