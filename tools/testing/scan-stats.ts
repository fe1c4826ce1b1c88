/**
 * Reads what a query really scanned from Trino's EXPLAIN ANALYZE: per table scan, the splits
 * (on these small Iceberg files, one split per data file) and the physical input bytes.
 * Used to prove partition and bucket pruning with Trino's own figures.
 */
import type { SqlParams } from "../../lib/trino/bind";
import { bindSql } from "../../lib/trino/bind";
import { runQuery, type TrinoConnection } from "../../lib/trino/client";

export interface ScanStats {
  readonly scans: number;
  readonly splits: number;
  readonly physicalBytes: number;
}

const UNITS: Record<string, number> = { B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

export function parseBytes(text: string): number {
  const m = /^([\d.]+)\s*(B|kB|MB|GB|TB)$/.exec(text.trim());
  if (!m) throw new Error(`not a data size: ${text}`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

/** Sums the scans of `table` (e.g. "gold.rt_video_stats_1min") in an EXPLAIN ANALYZE text. */
export function parseScanStats(explain: string, table: string): ScanStats {
  const lines = explain.split("\n");
  const header = new RegExp(`(ScanFilter|TableScan|ScanFilterProject|ScanProject)\\[table = [a-z_]+:${table.replace(".", "\\.")}\\$data`);
  let scans = 0;
  let splits = 0;
  let physicalBytes = 0;
  lines.forEach((line, i) => {
    if (!header.test(line)) return;
    const statsLine = lines.slice(i + 1, i + 40).find((l) => /Physical input: .*Splits: \d+/.test(l));
    if (!statsLine) throw new Error(`no input statistics after scan line ${i + 1}`);
    scans += 1;
    splits += Number(/Splits: (\d+)/.exec(statsLine)![1]);
    physicalBytes += parseBytes(/Physical input: ([\d.]+\s*[kMGT]?B)/.exec(statsLine)![1]!);
  });
  return { scans, splits, physicalBytes };
}

export async function explainScan(conn: TrinoConnection, table: string, template: string, params: SqlParams = {}): Promise<ScanStats & { text: string }> {
  // The views' time bounds come from the watermark subquery as dynamic filters; on a busy machine the
  // scan would otherwise start after the default 1 s wait without them and read every file.
  const session = { [`${conn.catalog ?? "lakehouse"}.dynamic_filtering_wait_timeout`]: "60s" };
  const res = await runQuery(conn, `EXPLAIN ANALYZE ${bindSql(template, params)}`, { timeoutMs: 120_000, session });
  const text = String(Object.values(res.rows[0] ?? {})[0] ?? "");
  return { ...parseScanStats(text, table), text };
}
