/**
 * Every statement in sql/ is written against the catalog `lakehouse` (fully qualified:
 * `lakehouse.gold.rt_trending`), so a file reads the same as the README and the local Trino. A
 * lakehouse Pulse attaches to may name its Iceberg catalog differently (`warehouse_prod`), so the SQL
 * loaders (sql-files.ts for jobs and dashboard queries, lib/lakehouse/migration-files.ts for
 * migrations) pass every statement through `inCatalog`, the one place that renames it.
 *
 * Only a `lakehouse.` that starts a qualified name in SQL code is renamed: not inside a string
 * literal or a quoted identifier, not in a comment, not as part of a longer name (`lakehouse_x.`,
 * `x_lakehouse.`) and not after a dot (`other.lakehouse.t` names a schema called lakehouse).
 */
import { sqlSegments } from "./bind";

/** The catalog name sql/ is written with, and the local lakehouse's catalog. */
export const SQL_CATALOG = "lakehouse";

/** A name Trino accepts unquoted: anything else could change the statement's meaning. */
const CATALOG_NAME_RE = /^[a-z_][a-z0-9_]*$/;
// Not preceded by a name character, a dot or a quote; followed by the dot of a qualified name.
const QUALIFIED_RE = new RegExp(`(?<![A-Za-z0-9_."])${SQL_CATALOG}(?=\\s*\\.)`, "g");

export function isCatalogName(name: string): boolean {
  return CATALOG_NAME_RE.test(name);
}

/** `sql` with each catalog qualifier `lakehouse.` in its code renamed to `catalog.`. */
export function inCatalog(sql: string, catalog: string = SQL_CATALOG): string {
  if (!isCatalogName(catalog)) throw new Error(`not a plain catalog name: ${JSON.stringify(catalog)}`);
  if (catalog === SQL_CATALOG) return sql;
  return sqlSegments(sql)
    .map((segment) => (segment.kind === "code" ? segment.text.replace(QUALIFIED_RE, catalog) : segment.text))
    .join("");
}
