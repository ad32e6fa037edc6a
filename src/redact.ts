/**
 * Removes a secret from anything that might be shown to a person: error messages, bodies a
 * server echoed back, log events. The key itself stays in a closure, never on an object.
 */
export type Redactor = <T>(value: T) => T;

export const redactedMarker = "[redacted]";

export function createRedactor(secret: string): Redactor {
  const redactText = (text: string) =>
    text.includes(secret) ? text.split(secret).join(redactedMarker) : text;
  const redact = <T>(value: T, depth = 0): T => {
    if (typeof value === "string") return redactText(value) as T;
    if (depth > 32 || typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1)) as T;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value))
      copy[redactText(key)] = redact(child, depth + 1);
    return copy as T;
  };
  return (value) => redact(value);
}
