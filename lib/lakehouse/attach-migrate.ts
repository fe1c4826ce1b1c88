/**
 * `npm run lakehouse -- migrate` on an attached lakehouse: Pulse adds what it needs (schemas, its
 * `meta` tables, the views, and the seed's tables where they are absent) and changes nothing that is
 * not its own. The rule, per sql/ddl file (classified by ddl-objects.ts):
 *
 * - a schema: CREATE SCHEMA IF NOT EXISTS, harmless when it exists;
 * - a table (a seed table or a meta table) and its later ADD COLUMN files:
 *     absent                      -> created, then evolved like any Pulse table (ledger rules);
 *     present, created by Pulse   -> (its CREATE file is in the ledger) ledger rules as usual;
 *     present, not Pulse's        -> never touched: its columns are compared with what Pulse's files
 *                                    would have made (schema-diff.ts); any difference is refused;
 * - a view: created or replaced when absent or Pulse's own; a view or table of that name that Pulse
 *   did not create is refused, never replaced.
 *
 * Every check runs before anything is applied, so a refusal leaves the lakehouse as it was, and it
 * lists every difference at once. Checks run again on every migrate, so a table changed since is caught.
 */
import path from "node:path";
import { bindSql } from "../trino/bind";
import { SQL_CATALOG } from "../trino/catalog-name";
import { runQuery, type TrinoConnection } from "../trino/client";
import { loadStatement } from "../trino/sql-files";
import type { TemplateVars } from "../trino/sql-text";
import { classifyDdl, type DdlObject, expectedColumns } from "./ddl-objects";
import { loadDdlFiles, migrate, type Progress, readLedgerIfAny } from "./migrate";
import { diffTable, type FoundColumn } from "./schema-diff";
import { REPO_ROOT } from "./settings";

export const ATTACH_SQL_DIR = path.join(REPO_ROOT, "sql", "attach");

export class AttachSchemaError extends Error {
  override readonly name = "AttachSchemaError";
  constructor(
    readonly catalog: string,
    readonly problems: readonly string[],
  ) {
    super(
      `refusing to migrate catalog ${catalog}: ${problems.length} difference${problems.length === 1 ? "" : "s"} from Pulse's tables, nothing was changed:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

interface FoundObject {
  readonly type: "BASE TABLE" | "VIEW" | string;
  readonly columns: FoundColumn[];
}

export interface AttachMigrateResult {
  /** sql/ddl files applied by this run, in order. */
  readonly applied: string[];
  /** Tables found in the attached catalog and left alone (schema.table), with the files that were skipped for them. */
  readonly adopted: { readonly table: string; readonly files: string[] }[];
  /** Tolerated differences (extra nullable columns). */
  readonly notes: string[];
}

/** schema.table -> what the attached catalog has under that name, for the schemas sql/ddl uses. */
async function foundObjects(conn: TrinoConnection, schemas: readonly string[]): Promise<Map<string, FoundObject>> {
  const out = new Map<string, FoundObject>();
  const sql = loadStatement(ATTACH_SQL_DIR, "schema_objects", conn.catalog);
  for (const schema of schemas) {
    const res = await runQuery<{ table_name: string; table_type: string; column_name: string; data_type: string; is_nullable: string }>(
      conn,
      bindSql(sql, { schema }),
      { timeoutMs: 60_000 },
    );
    for (const r of res.rows) {
      const key = `${schema}.${r.table_name}`;
      const o = out.get(key) ?? { type: r.table_type, columns: [] };
      o.columns.push({ name: r.column_name, type: r.data_type, nullable: r.is_nullable === "YES" });
      out.set(key, o);
    }
  }
  return out;
}

interface Plan {
  readonly skip: Set<string>;
  readonly adopted: { table: string; files: string[] }[];
  readonly problems: string[];
  readonly notes: string[];
}

/** The decision per file, from sql/ddl's objects, what the catalog has, and the ledger (pure). */
export function planAttach(objects: readonly DdlObject[], found: ReadonlyMap<string, FoundObject>, ledger: ReadonlyMap<string, string>): Plan {
  const plan: Plan = { skip: new Set(), adopted: [], problems: [], notes: [] };
  for (const o of objects) {
    if (o.kind === "schema" || o.kind === "add-column") continue;
    const key = `${o.schema}.${o.name}`;
    const existing = found.get(key);
    if (!existing || ledger.has(o.file)) continue;
    if (o.kind === "view") {
      plan.problems.push(`${key}: a ${existing.type === "VIEW" ? "view" : "table"} of this name exists and Pulse did not create it; Pulse will not replace it`);
      continue;
    }
    if (existing.type === "VIEW") {
      plan.problems.push(`${key}: is a view, Pulse expects a table`);
      continue;
    }
    const diff = diffTable(key, expectedColumns(objects, o.schema, o.name), existing.columns);
    plan.problems.push(...diff.problems);
    plan.notes.push(...diff.notes);
    const files = objects.filter((x) => (x.kind === "table" || x.kind === "add-column") && x.schema === o.schema && x.name === o.name).map((x) => x.file);
    for (const f of files) plan.skip.add(f);
    plan.adopted.push({ table: key, files });
  }
  return plan;
}

/**
 * sql/ddl files of Pulse's own Kafka ingest (`NNN_ingest_*`: Bronze's record-lineage columns, the
 * views over the `kafka` catalog): never applied to an attached lakehouse, which its team's own
 * pipelines feed and which has no `kafka` catalog; nor are its tables expected to have those columns.
 */
export const isLocalIngestFile = (name: string) => /^\d+_ingest_/.test(name);

export async function attachMigrate(conn: TrinoConnection, vars: TemplateVars, progress: Progress = () => undefined): Promise<AttachMigrateResult> {
  const catalog = conn.catalog ?? SQL_CATALOG;
  const files = loadDdlFiles(vars, catalog);
  const objects = files.filter((f) => !isLocalIngestFile(f.name)).map(classifyDdl);
  const schemas = [...new Set(objects.map((o) => o.schema))];
  const [found, ledger] = [await foundObjects(conn, schemas), await readLedgerIfAny(conn)];
  const plan = planAttach(objects, found, ledger);
  for (const f of files) if (isLocalIngestFile(f.name)) plan.skip.add(f.name);
  if (plan.problems.length > 0) throw new AttachSchemaError(catalog, plan.problems);
  for (const a of plan.adopted) progress(`  ${catalog}.${a.table} exists and matches Pulse's columns: left alone (${a.files.join(", ")} skipped)`);
  for (const n of plan.notes) progress(`  note: ${n}`);
  const res = await migrate(conn, vars, progress, { skip: plan.skip });
  return { applied: res.applied, adopted: plan.adopted, notes: plan.notes };
}
