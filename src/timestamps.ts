const timestampPattern =
  /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?)(Z|[+-]\d{2}:?\d{2})?(?:\[([^\]]+)\])?$/;
const utcZoneIds = new Set(["GMT", "UTC", "Z", "Etc/UTC", "Etc/GMT", "UT"]);

/**
 * Parses the timestamps Dixa sends, which are ISO 8601 but sometimes carry a Java zone-id suffix
 * such as `2021-12-01T12:46:36.581Z[GMT]`. When an offset is present the suffix only repeats it,
 * so it is dropped. Without an offset, only UTC zone ids are understood; anything else (or any
 * string that is not a timestamp) gives undefined rather than a wrong instant.
 */

export function parseDixaTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== "string") return undefined;
  const match = timestampPattern.exec(value.trim());
  if (!match) return undefined;
  const [, local, offset, zoneId] = match;
  if (offset === undefined && zoneId !== undefined && !utcZoneIds.has(zoneId)) return undefined;
  // JavaScript keeps milliseconds only; finer digits are trimmed rather than rejected.
  const isoLocal = local!.replace(/(\.\d{3})\d+$/, "$1").replace(" ", "T");
  const hasTime = isoLocal.includes("T");
  const zone = offset === undefined ? (hasTime ? "Z" : "") : normaliseOffset(offset);
  const date = new Date(isoLocal + zone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function normaliseOffset(offset: string): string {
  return offset === "Z" || offset.includes(":")
    ? offset
    : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}
