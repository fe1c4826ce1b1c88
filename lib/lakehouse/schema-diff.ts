/**
 * How a table found in an attached lakehouse differs from the one sql/ddl would have made.
 *
 * - A column Pulse expects that is missing, or has another type: a refusal. The jobs write and the
 *   views read every expected column by name, so such a table would fail them, or worse, be cast.
 * - A column Pulse does not know: tolerated when nullable, because every Pulse write names its
 *   columns (sql/jobs: INSERT (...), MERGE ... INSERT (...)) and every read names what it uses, so
 *   the column is neither read nor written, and other teams may well keep more in their tables. A
 *   NOT NULL one is a refusal: Pulse's inserts would leave it empty and fail.
 * - Column order is not compared: nothing in Pulse depends on it.
 */
import { type ColumnDef, sameType } from "./ddl-objects";

export interface FoundColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

export interface TableDiff {
  /** Each one a reason to refuse. */
  readonly problems: string[];
  /** Tolerated differences, reported. */
  readonly notes: string[];
}

export function diffTable(table: string, expected: readonly ColumnDef[], found: readonly FoundColumn[]): TableDiff {
  const problems: string[] = [];
  const notes: string[] = [];
  const byName = new Map(found.map((c) => [c.name, c]));
  for (const e of expected) {
    const f = byName.get(e.name);
    if (!f) problems.push(`${table}: missing column ${e.name} ${e.type}`);
    else if (!sameType(f.type, e.type)) problems.push(`${table}: column ${e.name} is ${f.type}, Pulse expects ${e.type}`);
  }
  const known = new Set(expected.map((e) => e.name));
  for (const f of found) {
    if (known.has(f.name)) continue;
    if (f.nullable) notes.push(`${table}: extra column ${f.name} ${f.type} (nullable; Pulse neither reads nor writes it)`);
    else problems.push(`${table}: extra column ${f.name} ${f.type} is NOT NULL, and Pulse's inserts do not fill it`);
  }
  return { problems, notes };
}
