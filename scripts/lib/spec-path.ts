/** Every operation of the snapshot must live under this prefix: the client calls nothing else. */
export const betaPrefix = "/beta/";

/**
 * Says why a path template of the description may not be used, or undefined when it may.
 * The path is first normalised the way URL parsers and servers treat it (percent-encoded dots
 * and slashes decoded, backslashes read as slashes, `.` and `..` segments resolved), and then
 * checked: `/beta/../admin/{id}` starts with `/beta/` as text but is a request to `/admin/{id}`.
 * A template with any dot segment is refused even when it stays under the prefix, since no
 * published path has one.
 */
export function checkPathTemplate(path: string): PathProblem | undefined {
  const { normalised, dotSegments } = normalisePath(path);
  if (dotSegments.length > 0) {
    const which = [...new Set(dotSegments)].map((segment) => `"${segment}"`).join(", ");
    return {
      kind: "dot-segment",
      message: `path ${path} has a dot segment (${which}) and would resolve to ${normalised}`,
    };
  }
  if (!path.startsWith(betaPrefix) || !normalised.startsWith(betaPrefix)) {
    return { kind: "outside-prefix", message: `path ${path} is not under ${betaPrefix}` };
  }
  return undefined;
}

/** A dot segment is put there; a path outside the prefix may be one cut short (`/be`). */
export interface PathProblem {
  kind: "dot-segment" | "outside-prefix";
  message: string;
}

/** RFC 3986 remove_dot_segments, after undoing the encodings that smuggle dots and slashes. */
export function normalisePath(path: string): { normalised: string; dotSegments: string[] } {
  const decoded = path
    .replace(/%2e/gi, ".")
    .replace(/%2f/gi, "/")
    .replace(/%5c/gi, "/")
    .replace(/\\/g, "/");
  const output: string[] = [];
  const dotSegments: string[] = [];
  const segments = decoded.split("/");
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "." || segment === "..") {
      dotSegments.push(segment);
      if (segment === ".." && output.length > 1) output.pop();
      // a trailing dot segment still names a directory: keep the slash
      if (last) output.push("");
      return;
    }
    output.push(segment);
  });
  const normalised = output.join("/");
  return { normalised: normalised.startsWith("/") ? normalised : `/${normalised}`, dotSegments };
}
