/** What a relation reads, apart from its schema (schema.ts loads zod, which running SRS does not). */
import type { Relation } from "./schema";

/** Every column a relation names. */
export function relationColumns(r: Relation): string[] {
  switch (r.kind) {
    case "sum":
      return [r.total, ...r.parts];
    case "zero-implies-zero":
      return [r.when, ...r.then];
    case "zero-iff-zero":
      return [r.a, r.b];
    case "at-most":
      return [...r.left, ...r.right];
    case "evidence":
      return r.columns;
  }
}
