/**
 * CSV columns of the time charts (every chart offers its data): the values drawn, raw, one row per
 * bucket, times as ISO-8601 UTC so a spreadsheet in any zone reads the same instants.
 */
import type { CsvColumn } from "./csv";
import type { SeriesPoint, VideoMinute } from "./models";

const iso = (ms: number) => new Date(ms).toISOString();

export const PLATFORM_SERIES_CSV_COLUMNS: readonly CsvColumn<SeriesPoint>[] = [
  { header: "Bucket start (UTC)", value: (p) => iso(p.t) },
  { header: "Minutes", value: (p) => p.minutes },
  { header: "Impressions", value: (p) => p.impressions },
  { header: "Plays", value: (p) => p.plays },
  { header: "Finishes", value: (p) => p.finishes },
  { header: "Likes", value: (p) => p.likes },
  { header: "Shares", value: (p) => p.shares },
  { header: "Completion", value: (p) => p.completionRate },
];

export const VIDEO_MINUTE_CSV_COLUMNS: readonly CsvColumn<VideoMinute>[] = [
  { header: "Minute (UTC)", value: (r) => iso(r.t) },
  { header: "Impressions", value: (r) => r.impressions },
  { header: "Plays", value: (r) => r.plays },
  { header: "Finishes", value: (r) => r.finishes },
  { header: "Likes", value: (r) => r.likes },
  { header: "Shares", value: (r) => r.shares },
  { header: "Velocity (plays/min)", value: (r) => r.velocity },
  { header: "Acceleration", value: (r) => r.acceleration },
  { header: "Completion (15-min rolling)", value: (r) => r.completionRate },
];
