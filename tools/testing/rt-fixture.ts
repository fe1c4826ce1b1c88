/**
 * The small real-time fixture shared by the read-time view tests and the trending statement's test:
 * RT log rows with fixed counters and the three dimension rows they rank. Test-only.
 */
import { type SqlValue, sqlInstant } from "../../lib/trino/bind";
import { insertRows } from "./trino-fixtures";

const at = (ms: number) => sqlInstant(new Date(ms));

export const RT_COLUMNS = ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish"];

/** One RT log row at window_start: impressions 10, likes 1, shares 0, play_finish 2, and the given plays. */
export function rtRow(video: string, windowStartMs: number, plays: number, uploadMs: number): SqlValue[] {
  return [video, at(windowStartMs), at(uploadMs), 10, 1, 0, plays, 2];
}

/** A (Gaming, creator u1, #a), B (Beauty, u2, #b) and C (Comedy, u3, #c, banned); C shares B's upload time. */
export async function insertFixtureVideos(uploadA: number, uploadB: number): Promise<void> {
  await insertRows(
    "lakehouse.dims.dim_videos",
    ["video_id", "creator_id", "category", "hashtags", "duration_ms", "upload_time", "status", "updated_at"],
    [
      ["A", "u1", "Gaming", ["#a"], 30_000, at(uploadA), "active", at(uploadA)],
      ["B", "u2", "Beauty", ["#b"], 15_000, at(uploadB), "active", at(uploadB)],
      ["C", "u3", "Comedy", ["#c"], 20_000, at(uploadB), "banned", at(uploadB)],
    ],
  );
}
