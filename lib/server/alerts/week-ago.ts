import "server-only";
/**
 * The week-old minutes that 'week' baselines compare with (rt_minutes_range.sql), per stream (the
 * platform, or one video), kept in memory. A week-old minute no longer changes, so a range read
 * once serves every later commit that needs it: each read reaches SLACK_MS past what was asked,
 * and the next hour of commits finds its minutes here without another statement.
 */
import { z } from "zod";
import type { Counters } from "../../dashboard/models";
import { bindSql, sqlInstant } from "../../trino/bind";
import { fetchRows } from "../data";
import { querySql } from "../sql-files";
import type { CountersAt } from "./minute-metrics";

const SLACK_MS = 3_600_000;
const MAX_STREAMS = 200;
const ZERO: Counters = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };

const Row = z.object({ t_ms: z.number(), impressions: z.number(), play_start: z.number(), play_finish: z.number(), likes: z.number(), shares: z.number() });

class WeekAgoStream {
  private from = 0;
  private to = 0;
  private minutes = new Map<number, Counters>();

  constructor(private readonly videoId: string | null) {}

  /** A lookup that holds every minute of [lo, hi) (zeros where the log has no row). */
  async cover(lo: number, hi: number): Promise<CountersAt> {
    if (lo < this.from || hi > this.to) {
      const to = hi + SLACK_MS;
      const sql = bindSql(querySql("rt_minutes_range"), { from: sqlInstant(new Date(lo)), to: sqlInstant(new Date(to)), video_id: this.videoId });
      const rows = await fetchRows("rt_minutes_range", sql, Row);
      this.minutes = new Map(
        rows.map((r) => [r.t_ms, { impressions: r.impressions, plays: r.play_start, finishes: r.play_finish, likes: r.likes, shares: r.shares }]),
      );
      this.from = lo;
      this.to = to;
    }
    return (m) => (m >= this.from && m < this.to ? (this.minutes.get(m) ?? ZERO) : undefined);
  }
}

const key = Symbol.for("pulse.dashboard.weekAgoMinutes");
type Holder = { [key]?: Map<string, WeekAgoStream> };

/** The week-old minutes of [lo, hi) for the platform (videoId null) or one video. */
export function weekAgoMinutes(videoId: string | null, lo: number, hi: number): Promise<CountersAt> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  const streams = holder[key];
  const k = videoId ?? "";
  let s = streams.get(k);
  if (s) streams.delete(k);
  else s = new WeekAgoStream(videoId);
  streams.set(k, s);
  while (streams.size > MAX_STREAMS) streams.delete(streams.keys().next().value as string);
  return s.cover(lo, hi);
}
