/**
 * One way an answer differs from Dixa's (corrected) description. It says where and what kind of
 * value, never the value itself: answers carry personal data.
 */
export interface ResponseMismatch {
  /** The operation, e.g. `getTagsTagid`. */
  operationId: string;
  /** The answer's status. */
  status: number;
  /**
   * Where in the answer, as a JSON pointer (`/data/3/createdAt`; `""` is the whole body). A key
   * that is data rather than a field name (a map key that is not a plain identifier or a UUID)
   * shows as `*`.
   */
  pointer: string;
  kind:
    | "missing"
    | "type"
    | "format"
    | "enum"
    | "unknown-field"
    | "min-items"
    | "unique-items"
    | "status"
    | "incomplete";
  /** What the description expects there, e.g. `string (date-time)`, `one of "Active", "Inactive"`. */
  expected: string;
  /** What came, by type and format only, e.g. `number`, `nothing`, `string, not a date-time`. */
  received: string;
  /**
   * False for what code written against the description still copes with: a field it does not
   * declare, a value its list does not have, an undeclared 2xx status. `strict` validation
   * throws only for breaking mismatches.
   */
  breaking: boolean;
  /** The schema in the description, as a JSON pointer (`#/components/schemas/Tag/properties/state`). */
  schema: string;
}
