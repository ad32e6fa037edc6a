/**
 * dixa-beta/otel: the client's calls as OpenTelemetry spans.
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * import { createDixaTracing } from "dixa-beta/otel";
 *
 * const dixa = createDixaClient({
 *   apiKey: process.env.DIXA_API_KEY!,
 *   onEvent: createDixaTracing(),
 * });
 * ```
 *
 * Needs `@opentelemetry/api` (an optional peer dependency: install it, and an SDK, yourself).
 * Nothing else of this package imports it. This entry imports no Node.js module, so it runs
 * wherever the client does.
 */
export { createDixaTracing } from "./tracing-hook.js";
export { instrumentationName, type DixaTracingOptions } from "./options.js";
