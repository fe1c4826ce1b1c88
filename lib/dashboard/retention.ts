/**
 * Shapes the rows of sql/queries/daily_retention.sql and daily_retention_distribution.sql into what
 * the /daily panels draw. Pure: every number is computed in SQL; this only groups rows.
 */
import type { PlatformRetentionDay, RetentionDay, RetentionDistribution, RetentionSeries, RetentionVideo } from "./models";

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

export interface RetentionTile {
  /** The newest day whose D1 retention is known, and the known day before it. */
  readonly latest: PlatformRetentionDay | null;
  readonly previous: PlatformRetentionDay | null;
  /** A newer built day still waiting for its next day, if any. */
  readonly pending: PlatformRetentionDay | null;
  /** latest - previous, in percentage points. */
  readonly changePoints: number | null;
}

/** The Pulse page's retention tile from the mart's newest days (newest first). */
export function retentionTile(days: readonly PlatformRetentionDay[]): RetentionTile {
  const known = days.filter((d) => d.retentionD1 !== null);
  const latest = known[0] ?? null;
  const previous = known[1] ?? null;
  const pending = days[0] && days[0].retentionD1 === null ? days[0] : null;
  const changePoints = latest?.retentionD1 != null && previous?.retentionD1 != null ? (latest.retentionD1 - previous.retentionD1) * 100 : null;
  return { latest, previous, pending, changePoints };
}

export const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
