/**
 * Table maintenance (seed §6): the RT log's 7-day TTL, compaction of small files, snapshot expiry
 * and orphan-file removal. Runs one table at a time so its own commits never race each other.
 */
import type { TrinoConnection } from "../trino/client";
import { runJob } from "./job-sql";

export const MAINTAINED_TABLES = [
  ["bronze", "raw_events"],
  ["silver", "fact_user_engagement"],
  ["dims", "dim_videos"],
  ["dims", "dim_users"],
  ["dims", "dim_videos_history"],
  ["dims", "dim_users_history"],
  ["gold", "rt_video_stats_1min"],
  ["gold", "batch_video_daily"],
  ["gold", "batch_platform_daily"],
  ["meta", "job_checkpoints"],
] as const;

export interface MaintenanceOptions {
  readonly ttlDays?: number;
  /** Must not be below the catalog's iceberg.expire-snapshots/remove-orphan-files min-retention. */
  readonly retention?: string;
  readonly fileSizeThreshold?: string;
}

export interface MaintenanceReport {
  readonly ttlDeletedRows: number;
  readonly tables: number;
  readonly durationMs: number;
}

export async function runRtTtl(conn: TrinoConnection, ttlDays = 7): Promise<number> {
  const r = await runJob<{ rows: number }>(conn, "maintenance_rt_ttl", { retention_days: ttlDays });
  return Number(r.rows[0]?.rows ?? 0);
}

/**
 * Compaction of the RT log alone, for between the hourly passes: each minute's micro-batch adds up
 * to 16 small files (one per bucket), and a read of the last 24 h pays per file, so an hour of
 * them (~900 files) doubled the dashboard's query time. The table is small, so this takes seconds.
 */
export async function compactRtLog(conn: TrinoConnection, fileSizeThreshold = "32MB"): Promise<void> {
  await runJob(conn, "maintenance_optimize", { file_size_threshold: fileSizeThreshold }, {}, { schema: "gold", table: "rt_video_stats_1min" });
}

export async function runMaintenance(
  conn: TrinoConnection,
  opts: MaintenanceOptions = {},
  log: (m: string) => void = () => undefined,
): Promise<MaintenanceReport> {
  const t0 = Date.now();
  const ttlDeletedRows = await runRtTtl(conn, opts.ttlDays ?? 7);
  for (const [schema, table] of MAINTAINED_TABLES) {
    const vars = { schema, table };
    await runJob(conn, "maintenance_optimize", { file_size_threshold: opts.fileSizeThreshold ?? "32MB" }, {}, vars);
    await runJob(conn, "maintenance_expire_snapshots", { retention: opts.retention ?? "1h" }, {}, vars);
    await runJob(conn, "maintenance_remove_orphan_files", { retention: opts.retention ?? "1h" }, {}, vars);
    log(`  maintained ${schema}.${table}`);
  }
  return { ttlDeletedRows, tables: MAINTAINED_TABLES.length, durationMs: Date.now() - t0 };
}
