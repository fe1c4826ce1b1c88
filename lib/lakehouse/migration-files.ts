/**
 * Both migration folders, sql/ddl (Trino) and sql/ops (PostgreSQL), share one shape: one object per
 * file, applied in file-name order, each file starting with a header comment saying what it is, and
 * a ledger that records the SHA-256 of every applied file. This module loads such a folder and
 * decides from a ledger what is still to apply; each migrator only talks to its own database.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inCatalog } from "../trino/catalog-name";
import { renderTemplate, statementOf, type TemplateVars } from "../trino/sql-text";

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
  /** CREATE OR REPLACE VIEW: safe to apply again when its text changes. */
  readonly isView: boolean;
}

/**
 * `catalog` renames the `lakehouse.` qualifiers of Trino files (sql/ddl) for an attached lakehouse
 * whose catalog has another name (lib/trino/catalog-name.ts); PostgreSQL folders pass none. The
 * checksum is of the renamed text: each catalog keeps its own ledger.
 */
export function loadMigrationFiles(dir: string, vars: TemplateVars = {}, catalog?: string): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      const header = text.split("\n")[0] ?? "";
      if (!header.startsWith("-- ")) throw new Error(`${name} must start with a header comment saying what it is`);
      const sql = inCatalog(statementOf(name, renderTemplate(text, vars)), catalog);
      return {
        name,
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
        isView: /^CREATE\s+OR\s+REPLACE\s+VIEW\b/i.test(sql),
      };
    });
}

/**
 * The files a migration run applies, in order: those the ledger (file name -> checksum) lacks, and
 * views whose text changed. A changed table file is refused, because editing applied DDL would leave
 * existing databases behind: `folder` names it in the message (e.g. "sql/ddl").
 */
export function pendingMigrations(files: readonly MigrationFile[], ledger: ReadonlyMap<string, string>, folder: string): MigrationFile[] {
  return files.filter((file) => {
    const recorded = ledger.get(file.name);
    if (recorded === file.checksum) return false;
    if (recorded !== undefined && !file.isView) {
      throw new Error(`${folder}/${file.name} changed after it was applied; add a new migration file instead of editing it`);
    }
    return true;
  });
}
