import "server-only";
/**
 * Per-minute counters of past ranges (rt_minutes_range.sql), per stream (the platform, or one video),
 * kept in memory: the minutes a day or a week back that comparisons overlay, KPI tiles compare with,
 * and 'week' alert baselines read. Minutes that far back no longer change (a late event's correction
 * a day later is possible but rare), so a range read once serves every later refresh that needs it:
 * each read reaches SLACK_MS past what was asked, so the next hour of a sliding preset finds its
 * minutes here without another statement. A few windows per stream, least recently used dropped.
 */
import { z } from "zod";
import type { Counters } from "../../dashboard/models";
import { bindSql, sqlInstant } from "../../trino/bind";
import type { CountersAt } from "../alerts/minute-metrics";
import { fetchRows } from "../data";
import { querySql } from "../sql-files";

const SLACK_MS = 3_600_000;
const MAX_STREAMS = 200;
const WINDOWS_PER_STREAM = 4;
const ZERO: Counters = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };

const Row = z.object({ t_ms: z.number(), impressions: z.number(), play_start: z.number(), play_finish: z.number(), likes: z.number(), shares: z.number() });

interface Window {
  readonly from: number;
  readonly to: number;
  readonly minutes: Map<number, Counters>;
}

class PastStream {
  private windows: Window[] = [];
  private reading = new Map<string, Promise<Window>>();

  constructor(private readonly videoId: string | null) {}

  /** A lookup that holds every minute of [lo, hi) (zeros where the log has no row). */
  async cover(lo: number, hi: number): Promise<CountersAt> {
    let w = this.windows.find((x) => lo >= x.from && hi <= x.to);
    if (w) {
      this.windows = [w, ...this.windows.filter((x) => x !== w)];
    } else {
      const key = `${lo}:${hi}`;
      let pending = this.reading.get(key);
      if (!pending) {
        pending = this.read(lo, hi + SLACK_MS).finally(() => this.reading.delete(key));
        this.reading.set(key, pending);
      }
      w = await pending;
      this.windows = [w, ...this.windows.filter((x) => x !== w)].slice(0, WINDOWS_PER_STREAM);
    }
    const { from, to, minutes } = w;
    return (m) => (m >= from && m < to ? (minutes.get(m) ?? ZERO) : undefined);
  }

  private async read(from: number, to: number): Promise<Window> {
    const sql = bindSql(querySql("rt_minutes_range"), { from: sqlInstant(new Date(from)), to: sqlInstant(new Date(to)), video_id: this.videoId });
    const rows = await fetchRows("rt_minutes_range", sql, Row);
    return {
      from,
      to,
      minutes: new Map(
        rows.map((r) => [r.t_ms, { impressions: r.impressions, plays: r.play_start, finishes: r.play_finish, likes: r.likes, shares: r.shares }]),
      ),
    };
  }
}

const key = Symbol.for("pulse.dashboard.pastMinutes");
type Holder = { [key]?: Map<string, PastStream> };

/** The minutes of the past range [lo, hi) for the platform (videoId null) or one video. */
export function pastMinutes(videoId: string | null, lo: number, hi: number): Promise<CountersAt> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  const streams = holder[key];
  const k = videoId ?? "";
  let s = streams.get(k);
  if (s) streams.delete(k);
  else s = new PastStream(videoId);
  streams.set(k, s);
  while (streams.size > MAX_STREAMS) streams.delete(streams.keys().next().value as string);
  return s.cover(lo, hi);
}

/** Sums of the minutes [lo, hi) of a lookup that holds them all. */
export function sumMinutes(at: CountersAt, lo: number, hi: number): Counters {
  const s = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };
  for (let m = lo; m < hi; m += 60_000) {
    const c = at(m) ?? ZERO;
    s.impressions += c.impressions;
    s.plays += c.plays;
    s.finishes += c.finishes;
    s.likes += c.likes;
    s.shares += c.shares;
  }
  return s;
}
