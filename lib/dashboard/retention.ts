/**
 * Shapes the rows of sql/queries/daily_retention.sql and daily_retention_distribution.sql into what
 * the /daily panels draw. Pure: every number is computed in SQL; this only groups rows.
 */
import type { RetentionDay, RetentionDistribution, RetentionSeries, RetentionVideo } from "./models";

export interface RetentionRow {
  readonly series: string;
  readonly category: string | null;
  /** NULL on the row that covers the whole range. */
  readonly date: string | null;
  readonly retention_d1: number | null;
  readonly viewers: number | null;
}

export const PLATFORM_SERIES_NAME = "Platform";

export function groupRetentionRows(rows: readonly RetentionRow[]): RetentionSeries[] {
  const byName = new Map<string, { kind: RetentionSeries["kind"]; days: RetentionDay[]; range: RetentionSeries["range"] }>();
  for (const r of rows) {
    const kind = r.series === "platform" ? "platform" : "category";
    const name = kind === "platform" ? PLATFORM_SERIES_NAME : (r.category ?? "Unknown");
    let entry = byName.get(name);
    if (!entry) {
      entry = { kind, days: [], range: { retentionD1: null, viewers: 0 } };
      byName.set(name, entry);
    }
    if (r.date === null) entry.range = { retentionD1: r.retention_d1, viewers: r.viewers ?? 0 };
    else entry.days.push({ date: r.date, retentionD1: r.retention_d1, viewers: r.viewers ?? 0 });
  }
  // A range row alone (an empty range still yields the platform's grand total) is no series.
  return [...byName.entries()]
    .filter(([, e]) => e.days.length > 0)
    .map(([name, e]) => ({ kind: e.kind, name, days: e.days, range: e.range }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "platform" ? -1 : 1));
}

export interface DistributionRow {
  readonly kind: string;
  readonly k: number;
  readonly videos: number;
  readonly video_id: string | null;
  readonly retention_d1: number | null;
  readonly viewers: number | null;
}

export function distributionFromRows(
  rows: readonly DistributionRow[],
  bins: number,
  minViewers: number,
): Pick<RetentionDistribution, "counts" | "minViewers" | "videos" | "lowest" | "highest"> {
  const counts = Array.from({ length: bins }, () => 0);
  const lowest: RetentionVideo[] = [];
  const highest: RetentionVideo[] = [];
  for (const r of rows) {
    if (r.kind === "bin") counts[r.k] = r.videos;
    else if (r.video_id !== null && r.retention_d1 !== null) {
      (r.kind === "low" ? lowest : highest).push({ videoId: r.video_id, retentionD1: r.retention_d1, viewers: r.viewers ?? 0 });
    }
  }
  return { counts, minViewers, videos: counts.reduce((a, b) => a + b, 0), lowest, highest };
}
