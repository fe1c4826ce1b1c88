/**
 * Applies sql/ops to Pulse's operational schema (pulse_ops) in PostgreSQL, the way sql/ddl is applied
 * to the lakehouse: file-name order, one object per file, a ledger of checksums
 * (pulse_ops.schema_migrations), so a second run applies nothing and an edited file is refused.
 * Unlike Trino, PostgreSQL has transactions: each file commits together with its ledger row, and an
 * advisory lock keeps two migrators (say `npm start` and a test run on the same instance) apart.
 */
import path from "node:path";
import type pg from "pg";
import type { MigrateResult, Progress } from "../lakehouse/migrate";
import { loadMigrationFiles, type MigrationFile, pendingMigrations } from "../lakehouse/migration-files";
import { REPO_ROOT } from "../lakehouse/settings";
import { type DbConfig, withDb } from "./connection";

export const OPS_DIR = path.join(REPO_ROOT, "sql", "ops");
export const OPS_SCHEMA = "pulse_ops";
const LEDGER = `${OPS_SCHEMA}.schema_migrations`;
/** Any fixed number: the lock only has to be the same for every Pulse migrator. */
const MIGRATION_LOCK = 7_405_001;

export const loadOpsFiles = (): MigrationFile[] => loadMigrationFiles(OPS_DIR);

async function ledgerExists(db: pg.Client): Promise<boolean> {
  const res = await db.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [LEDGER]);
  return res.rows[0]?.present === true;
}

async function readLedger(db: pg.Client): Promise<Map<string, string>> {
  if (!(await ledgerExists(db))) return new Map();
  const res = await db.query<{ file_name: string; checksum: string }>(`SELECT file_name, checksum FROM ${LEDGER}`);
  return new Map(res.rows.map((r) => [r.file_name, r.checksum]));
}

async function applyFiles(db: pg.Client, files: readonly MigrationFile[], progress: Progress): Promise<void> {
  // Files applied before the ledger table exists (the schema, the ledger itself) are recorded in the
  // transaction that creates it.
  let unrecorded: MigrationFile[] = [];
  for (const file of files) {
    progress(`  applying sql/ops/${file.name}`);
    await db.query("BEGIN");
    try {
      await db.query(file.sql);
      unrecorded.push(file);
      if (await ledgerExists(db)) {
        for (const f of unrecorded) await db.query(`INSERT INTO ${LEDGER} (file_name, checksum) VALUES ($1, $2)`, [f.name, f.checksum]);
        unrecorded = [];
      }
      await db.query("COMMIT");
    } catch (err) {
      await db.query("ROLLBACK");
      throw new Error(`sql/ops/${file.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (unrecorded.length > 0) throw new Error(`sql/ops never created ${LEDGER}`);
}

export async function migrateOps(config: DbConfig, progress: Progress = () => undefined): Promise<MigrateResult> {
  const files = loadOpsFiles();
  return withDb(config, async (db) => {
    await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      const pending = pendingMigrations(files, await readLedger(db), "sql/ops");
      await applyFiles(db, pending, progress);
      return { applied: pending.map((f) => f.name), skipped: files.length - pending.length };
    } finally {
      await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  });
}
