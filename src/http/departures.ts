/**
 * When a request leaves for the server, as Node's built-in fetch (undici) reports it through
 * `diagnostics_channel`: `undici:request:create` is published synchronously inside the `fetch()`
 * call that makes the request, and `undici:client:sendHeaders` once its headers are written to
 * the connection. Elsewhere (other runtimes, a fetch that is not undici's) nothing is reported
 * and the limiter counts the request until its answer, as it would without this.
 *
 * The channels are reached through `process.getBuiltinModule`, so this module imports nothing
 * from Node.js and bundles for every runtime.
 */

export type DepartureListener = (departedAt: number) => void;

interface Channels {
  subscribe(name: string, onMessage: (message: unknown) => void): void;
}

/** The listener of the `fetch()` call under way, claimed by the first request it creates. */
let claiming: DepartureListener | undefined;
/** Requests created inside a watched call, until their headers are written. */
const leaving = new WeakMap<object, DepartureListener>();
let watching: boolean | undefined;

/**
 * Calls `send` (which must call `fetch` synchronously) and returns what it returns; if the
 * request it creates is reported as written to its connection, `onDeparture` gets that moment
 * (`performance.now()`), once.
 */
export function watchDeparture<T>(onDeparture: DepartureListener, send: () => T): T {
  watching ??= subscribe();
  if (!watching) return send();
  claiming = onDeparture;
  try {
    return send();
  } finally {
    claiming = undefined;
  }
}

function subscribe(): boolean {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof node?.getBuiltinModule !== "function") return false;
  let channels: Channels | undefined;
  try {
    channels = node.getBuiltinModule("node:diagnostics_channel") as Channels | undefined;
  } catch {
    return false; // a runtime that names the function but has no such module: nothing reported
  }
  if (typeof channels?.subscribe !== "function") return false;
  channels.subscribe("undici:request:create", (message) => {
    const request = (message as { request?: unknown } | null)?.request;
    if (claiming === undefined || typeof request !== "object" || request === null) return;
    leaving.set(request, claiming);
    claiming = undefined; // a redirect made later by the same call is a request of its own
  });
  channels.subscribe("undici:client:sendHeaders", (message) => {
    const request = (message as { request?: unknown } | null)?.request;
    if (typeof request !== "object" || request === null) return;
    const listener = leaving.get(request);
    if (listener === undefined) return;
    leaving.delete(request);
    listener(performance.now());
  });
  return true;
}
