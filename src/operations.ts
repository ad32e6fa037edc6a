import type { DixaClient } from "./client.js";

type ResourceName = Exclude<keyof DixaClient, "raw">;
/** `"<resource>.<method>"` for every method the client's resources have. */
export type FacadeCall = {
  [R in ResourceName]: `${R}.${Extract<keyof DixaClient[R], string>}`;
}[ResourceName];

export interface FacadeOperation {
  /** The facade method that performs the operation. */
  call: FacadeCall;
  /** The operation's page in Dixa's API reference. */
  docUrl: string;
  /** The name is a default (the operation is new in the spec): it may change. */
  defaultName?: true;
}

/**
 * Every operation of the spec, by operationId, mapped to the facade method that performs it;
 * generated from the spec and src/operation-names.ts.
 */
export { facadeOperations } from "../generated/facade/operations.js";
