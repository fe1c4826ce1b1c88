import "server-only";
import type { RtRange } from "../../dashboard/schemas";
import { type SqlParams, sqlInstant } from "../../trino/bind";

/** The :range_minutes / :range_start / :range_end values shared by the Pulse statements. */
export function rtRangeParams(range: RtRange): SqlParams {
  if (range.kind === "preset") return { range_minutes: range.minutes, range_start: null, range_end: null };
  return { range_minutes: 0, range_start: sqlInstant(new Date(range.startMs)), range_end: sqlInstant(new Date(range.endMs)) };
}
