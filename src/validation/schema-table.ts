/**
 * The shape of `generated/response-schemas.ts`: the success answers of the corrected description,
 * reduced to what checking an answer needs and stored as JSON data (never as code). Schemas are
 * numbered nodes that refer to each other by number, so a schema used in many places (or by
 * itself) is stored once.
 */
export interface ResponseSchemaTable {
  nodes: SchemaNode[];
  /** By `"<METHOD> <path template>"`: the operationId and, per 2xx status, a node or -1 (no body). */
  operations: Record<string, [operationId: string, responses: Record<string, number>]>;
}

/** Bits of `SchemaNode.t`. No bit set: any JSON value. */
export const jsonTypeBits = {
  object: 1,
  array: 2,
  string: 4,
  integer: 8,
  number: 16,
  boolean: 32,
  null: 64,
} as const;

export type JsonTypeName = keyof typeof jsonTypeBits;

/** One schema, with short keys: the table holds thousands of them. */
export interface SchemaNode {
  /** Allowed JSON types (bits of `jsonTypeBits`); absent: any. */
  t?: number;
  /** A format the checker knows: uuid, date-time, int32, int64. */
  f?: string;
  /** Allowed values. */
  e?: Array<string | number | boolean | null>;
  /** Declared properties: [name, node]. */
  p?: Array<[string, number]>;
  /** Required property names. */
  r?: string[];
  /** Map values (`additionalProperties` with a schema): their node; `true`: anything, unreported. */
  a?: number | true;
  /** Array items. */
  i?: number;
  /** Members of a union (oneOf/anyOf). */
  o?: number[];
  /** The union's tag: its property name and, per tag value, the member node. */
  d?: [property: string, members: Record<string, number>];
  /** `nullable: true`. */
  n?: 1;
  /** minItems. */
  m?: number;
  /** uniqueItems (checked for arrays of strings and numbers). */
  u?: 1;
  /**
   * Where the schema is in the description: a JSON pointer for a component or an answer's schema,
   * or the node it is inside and the step from there (`properties/state`, `items`...).
   */
  s: string | [parent: number, step: string];
}
