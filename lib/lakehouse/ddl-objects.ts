/**
 * What each sql/ddl file makes, read from its statement: attach mode (attach-migrate.ts) must know
 * which files create a table and with which columns before it decides to apply, skip or refuse them.
 * sql/ddl has four shapes, and a file of any other shape is refused, so a new kind of migration
 * cannot slip into an attached lakehouse unexamined:
 *   CREATE SCHEMA IF NOT EXISTS c.s
 *   CREATE TABLE IF NOT EXISTS c.s.t (column type, ...) WITH (...)
 *   ALTER TABLE c.s.t ADD COLUMN IF NOT EXISTS column type
 *   CREATE OR REPLACE VIEW c.s.v ...
 */
import type { MigrationFile } from "./migration-files";

export interface ColumnDef {
  readonly name: string;
  /** As written in the DDL, lower case: compared with Trino's names through sameType. */
  readonly type: string;
}

export type DdlObject =
  | { readonly kind: "schema"; readonly file: string; readonly schema: string }
  | { readonly kind: "table"; readonly file: string; readonly schema: string; readonly name: string; readonly columns: readonly ColumnDef[] }
  | { readonly kind: "add-column"; readonly file: string; readonly schema: string; readonly name: string; readonly column: ColumnDef }
  | { readonly kind: "view"; readonly file: string; readonly schema: string; readonly name: string };

const ID = "([a-z_][a-z0-9_]*)";
const SCHEMA_RE = new RegExp(`^CREATE\\s+SCHEMA\\s+IF\\s+NOT\\s+EXISTS\\s+${ID}\\.${ID}$`, "i");
const TABLE_RE = new RegExp(`^CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+${ID}\\.${ID}\\.${ID}\\s*\\(`, "i");
const ADD_COLUMN_RE = new RegExp(`^ALTER\\s+TABLE\\s+${ID}\\.${ID}\\.${ID}\\s+ADD\\s+COLUMN\\s+IF\\s+NOT\\s+EXISTS\\s+${ID}\\s+(.+)$`, "is");
const VIEW_RE = new RegExp(`^CREATE\\s+OR\\s+REPLACE\\s+VIEW\\s+${ID}\\.${ID}\\.${ID}\\b`, "i");

/** `text` split at commas outside parentheses: `a varchar, b map(varchar, bigint)` is two items. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The text inside the parenthesis that opens at `open`, up to its matching close. */
function parenthesised(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced parentheses");
}

function columnOf(definition: string, file: string): ColumnDef {
  const m = new RegExp(`^${ID}\\s+(.+)$`, "is").exec(definition.trim());
  if (!m) throw new Error(`${file}: cannot read the column definition '${definition}'`);
  // sql/ddl writes bare types; a NOT NULL or COMMENT would need its own comparison, so it is refused.
  if (/\b(NOT\s+NULL|COMMENT)\b/i.test(m[2]!)) throw new Error(`${file}: column ${m[1]} has more than a type; attach mode compares types only`);
  return { name: m[1]!.toLowerCase(), type: m[2]!.trim().replace(/\s+/g, " ").toLowerCase() };
}

export function classifyDdl(file: MigrationFile): DdlObject {
  const sql = file.sql.trim();
  let m = SCHEMA_RE.exec(sql);
  if (m) return { kind: "schema", file: file.name, schema: m[2]! };
  m = TABLE_RE.exec(sql);
  if (m) {
    const columns = splitTopLevel(parenthesised(sql, m[0].length - 1)).map((d) => columnOf(d, file.name));
    return { kind: "table", file: file.name, schema: m[2]!, name: m[3]!, columns };
  }
  m = ADD_COLUMN_RE.exec(sql);
  if (m) return { kind: "add-column", file: file.name, schema: m[2]!, name: m[3]!, column: columnOf(`${m[4]} ${m[5]}`, file.name) };
  m = VIEW_RE.exec(sql);
  if (m) return { kind: "view", file: file.name, schema: m[2]!, name: m[3]! };
  throw new Error(
    `sql/ddl/${file.name} is neither CREATE SCHEMA IF NOT EXISTS, CREATE TABLE IF NOT EXISTS, ALTER TABLE ... ADD COLUMN IF NOT EXISTS nor CREATE OR REPLACE VIEW: attach mode cannot tell what it would do to an existing lakehouse`,
  );
}

/** Trino's spelling of a type, for comparison: lower case, no blanks next to parentheses and commas. */
export function typeKey(type: string): string {
  return type
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
    .trim();
}

export const sameType = (a: string, b: string): boolean => typeKey(a) === typeKey(b);

/** The columns a table has after every sql/ddl file that touches it: its CREATE, then its ADD COLUMNs in file order. */
export function expectedColumns(objects: readonly DdlObject[], schema: string, name: string): ColumnDef[] {
  const out: ColumnDef[] = [];
  for (const o of objects) {
    if (o.kind === "table" && o.schema === schema && o.name === name) out.push(...o.columns);
    if (o.kind === "add-column" && o.schema === schema && o.name === name && !out.some((c) => c.name === o.column.name)) out.push(o.column);
  }
  return out;
}
