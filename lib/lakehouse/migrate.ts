/**
 * Applies sql/ddl in file-name order, as the admin user, idempotently: each file's rendered text is
 * checksummed into lakehouse.meta.schema_migrations and skipped once recorded, so a second run
 * executes nothing. A changed view (CREATE OR REPLACE VIEW) is re-applied; a changed table file is
 * refused, because editing applied DDL would leave existing lakehouses behind.
 *
 * The ledger is written once per run, after the last file (or after the last file that worked, when
 * one fails), not once per file: each ledger row is an Iceberg commit (~350 ms here, against ~100 ms
 * for most DDL), and a fresh lakehouse applies 33 files. A run killed before that write leaves
 * files applied but unrecorded; the next run applies them again, which is safe because every
 * sql/ddl statement is idempotent (IF NOT EXISTS or OR REPLACE), as loadDdlFiles checks.
 */
import path from "node:path";
import { bindSql } from "../trino/bind";
import { inCatalog } from "../trino/catalog-name";
import { runQuery, type TrinoConnection } from "../trino/client";
import type { TemplateVars } from "../trino/sql-text";
import { loadMigrationFiles, type MigrationFile, pendingMigrations } from "./migration-files";
import { REPO_ROOT } from "./settings";

/** One line of progress for the person running a command. */
export type Progress = (message: string) => void;

export const DDL_DIR = path.join(REPO_ROOT, "sql", "ddl");

export type DdlFile = MigrationFile;

/**
 * The statement shapes sql/ddl may use: each can run again over its own result, which lets migrate
 * record its ledger once per run (above). Anything else (a DROP, a data change, an ALTER without
 * IF NOT EXISTS) would need a ledger row before the next file, and is refused here.
 */
const IDEMPOTENT_DDL = [
  /^CREATE\s+SCHEMA\s+IF\s+NOT\s+EXISTS\b/i,
  /^CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\b/i,
  /^CREATE\s+OR\s+REPLACE\s+VIEW\b/i,
  /^ALTER\s+TABLE\s+\S+\s+ADD\s+COLUMN\s+IF\s+NOT\s+EXISTS\b/i,
];

export function assertIdempotent(file: Pick<DdlFile, "name" | "sql">): void {
  if (!IDEMPOTENT_DDL.some((shape) => shape.test(file.sql))) {
    throw new Error(
      `sql/ddl/${file.name} must be safe to apply twice: CREATE SCHEMA|TABLE IF NOT EXISTS, CREATE OR REPLACE VIEW or ALTER TABLE ... ADD COLUMN IF NOT EXISTS`,
    );
  }
}

/** sql/ddl rendered with `vars` and renamed into `catalog` (an attached lakehouse's may not be `lakehouse`). */
export function loadDdlFiles(vars: TemplateVars, catalog?: string): DdlFile[] {
  const files = loadMigrationFiles(DDL_DIR, vars, catalog);
  for (const file of files) assertIdempotent(file);
  return files;
}

/** The ledger statements below, in the connection's catalog like every file of sql/ddl. */
const ledgerSql = (conn: TrinoConnection, sql: string) => inCatalog(sql, conn.catalog);

const LEDGER_EXISTS_SQL = "SELECT count(*) AS n FROM lakehouse.information_schema.tables WHERE table_schema = 'meta' AND table_name = 'schema_migrations'";

async function ledgerExists(conn: TrinoConnection): Promise<boolean> {
  const res = await runQuery(conn, ledgerSql(conn, LEDGER_EXISTS_SQL));
  return Number(res.rows[0]?.n ?? 0) > 0;
}

async function readLedger(conn: TrinoConnection): Promise<Map<string, string>> {
  const res = await runQuery<{ file_name: string; checksum: string }>(
    conn,
    ledgerSql(conn, "SELECT file_name, max_by(checksum, applied_at) AS checksum FROM lakehouse.meta.schema_migrations GROUP BY file_name"),
  );
  return new Map(res.rows.map((r) => [r.file_name, r.checksum]));
}

async function record(conn: TrinoConnection, files: readonly DdlFile[]): Promise<void> {
  if (files.length === 0) return;
  const values = files.map((_, i) => `(:name_${i}, :sum_${i}, current_timestamp, :user)`).join(", ");
  const params: Record<string, string> = { user: conn.user };
  files.forEach((f, i) => {
    params[`name_${i}`] = f.name;
    params[`sum_${i}`] = f.checksum;
  });
  await runQuery(conn, bindSql(ledgerSql(conn, `INSERT INTO lakehouse.meta.schema_migrations VALUES ${values}`), params));
}

export interface MigrateResult {
  readonly applied: string[];
  readonly skipped: number;
}

/** The ledger (file name -> checksum of its latest application), empty before the ledger table exists. */
export async function readLedgerIfAny(conn: TrinoConnection): Promise<Map<string, string>> {
  return (await ledgerExists(conn)) ? readLedger(conn) : new Map<string, string>();
}

export interface MigrateOptions {
  /**
   * Files not to apply and not to record: in attach mode, the files of tables the attached
   * lakehouse already has and Pulse did not create (lib/lakehouse/attach-migrate.ts).
   */
  readonly skip?: ReadonlySet<string>;
}

export async function migrate(
  conn: TrinoConnection,
  vars: TemplateVars,
  progress: Progress = () => undefined,
  opts: MigrateOptions = {},
): Promise<MigrateResult> {
  const files = loadDdlFiles(vars, conn.catalog);
  const done = await readLedgerIfAny(conn);
  const applied: DdlFile[] = [];
  let failure: unknown;
  try {
    for (const file of pendingMigrations(files, done, "sql/ddl")) {
      if (opts.skip?.has(file.name)) continue;
      progress(`  applying ${file.name}`);
      await runQuery(conn, file.sql, { timeoutMs: 120_000 });
      applied.push(file);
    }
  } catch (err) {
    failure = err;
  }
  // Also after a failing file: what did apply is recorded, so the fixed run applies only the rest.
  if (applied.length > 0) {
    if (!(await ledgerExists(conn))) throw failure ?? new Error("sql/ddl never created lakehouse.meta.schema_migrations");
    await record(conn, applied);
  }
  if (failure !== undefined) throw failure;
  return { applied: applied.map((f) => f.name), skipped: files.length - applied.length };
}
