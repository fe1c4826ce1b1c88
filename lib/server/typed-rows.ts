/**
 * Typed result rows: each statement's rows are checked against the zod schema its query module
 * declares before anything maps them, so a renamed or missing column, or a value of an unexpected
 * type, fails loudly naming the statement and the column instead of reading as 0 or null.
 *
 * Trino's JSON protocol sends BIGINT, INTEGER, REAL and DOUBLE as JS numbers, BOOLEAN as a boolean,
 * VARCHAR as a string, NULL as null, and DECIMAL and TIMESTAMP as strings (see `decimal`).
 * Columns a schema does not name are ignored, so a statement may return more than its mapper reads.
 * No `server-only` import here so the logic can be unit-tested; the wiring lives in lib/server/data.
 */
import { z } from "zod";

/** A result row did not have the shape its query module declared: a bug, never the caller's fault. */
export class RowShapeError extends Error {
  override readonly name = "RowShapeError";
}

/** A DECIMAL column (e.g. `bigint / 3600000.0`), which Trino sends as a string, read as a number. */
export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a decimal string")
  .transform(Number);

/** Every row of `statement` parsed by `schema`; throws RowShapeError naming the first bad column. */
export function parseRows<S extends z.ZodType>(statement: string, schema: S, rows: readonly unknown[]): z.output<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new RowShapeError(`${statement}: ${describeIssue(parsed.error.issues[0], row)}`);
    return parsed.data;
  });
}

/** The row of a statement built to answer exactly one (an aggregate without GROUP BY, a one-row view). */
export function onlyRow<Row>(statement: string, rows: readonly Row[]): Row {
  const [row] = rows;
  if (rows.length !== 1 || row === undefined) throw new RowShapeError(`${statement}: expected exactly one row, received ${rows.length}`);
  return row;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, row: unknown): string {
  if (issue === undefined) return "row rejected without a reason";
  const where = issue.path.length === 0 ? "row" : `column ${issue.path.map(String).join(".")}`;
  // zod's own message reads "Invalid input: expected number, received undefined"; the value is
  // looked up again so the message says what actually arrived, in the same words for every type.
  const detail = issue.code === "invalid_type" ? `expected ${issue.expected}, received ${kindOf(valueAt(row, issue.path))}` : issue.message;
  return `${where}: ${detail}`;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let value = row;
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}
