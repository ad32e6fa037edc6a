import type { DixaCore } from "./core.js";

/** What every resource of the client holds: the core its operations go through. */
export class Resource {
  /** @internal Created by `createDixaClient`. */
  constructor(protected readonly core: DixaCore) {}
}
