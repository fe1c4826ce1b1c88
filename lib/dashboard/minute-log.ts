/**
 * Per-minute counters of the real-time log, kept up to date from the rows each micro-batch appends,
 * so a refresh reads one batch's rows instead of a day of minutes. One MinuteLog per live stream:
 * the whole platform, or one video. Pure and isomorphic (no server-only import).
 *
 * The log (gold.rt_video_stats_1min) is append-only: batch b appends rows (window_start, counters,
 * batch_id = b), a late event a correction row for an old minute in a later batch. Readers add up
 * all rows of a minute (views rt_video_minute / rt_platform_minute) and show only closed minutes,
 * window_start < T, T = rt_watermark.complete_through (minute-aligned, never decreasing).
 *
 * State after batch B at watermark T, span S (the retention): c(m) = the sum of the rows with
 * batch_id <= B of minute m, for every minute m >= T - S that has a row (minutes >= T included:
 * partial, kept, never shown). A minute below T - S is never read again, since T never decreases,
 * so rows for it (late corrections included) are dropped. Invariant, checked by the property test:
 * after apply(), the state and every read equal reset() over all rows of batches <= B, and the SQL.
 *
 * Feeding it:
 *   reset(rows, B, T)  rows = per-minute sums of the rows with batch_id <= B, window_start >= T - S.
 *   apply(delta)       delta.rows = the rows with A < batch_id <= B (A = afterBatch), window_start >=
 *                      any bound <= T - S, summed per minute or not: rows of one minute add up (in
 *                      reset() too); returns the minutes whose shown point changed.
 * needsFullRecompute() says when apply() cannot be used and the caller must reset():
 *   "start"                nothing loaded yet;
 *   "gap"                  afterBatch != the log's batch: batches were missed (or read from elsewhere);
 *   "batch moved back"     throughBatch < afterBatch (the pipeline's checkpoints were reset);
 *   "watermark moved back" minutes already evicted may be shown again;
 *   "rows removed"         a table snapshot since afterBatch was not an append, i.e. rows may have left:
 *                          the TTL's DELETE, or any overwrite. Compaction ('replace') keeps every row,
 *                          so the caller may count it as an append.
 * Batches are read through the committed checkpoint B, so for the seconds between a batch's Gold
 * commit and its checkpoint the log lags the views, which already add that batch's rows up.
 *
 * Reads, for minute-aligned lo, hi; a minute m is shown iff lo <= m < min(hi, T); a read starting
 * before T - S throws (ask covers() first and fall back to Trino):
 *   points(lo, hi)   pulse_platform_series.sql's minute path: dense, zeros where no row, minutes = 1,
 *                    completionRate = finishes / plays
 *   totals(lo, hi)   sums; completionRate = finishes / plays, likesPer1k = 1000 * likes / impressions,
 *                    sharesPer1k = 1000 * shares / impressions
 *   kpis(lo, hi)     pulse_kpis.sql: hi' = min(hi, T); current = totals(lo, hi'),
 *                    previous = totals(lo - 1 day, hi' - 1 day)
 *   videoPoints(lo, hi, N)  video_minute_series.sql over rt_video_velocity_24h, p(t) = plays of minute t:
 *                    velocity(t)       = (p(t) + p(t-1) + ... + p(t-N+1)) / N      (full history, not cut at lo)
 *                    acceleration(t)   = (velocity(t) - velocity(t-N)) / N
 *                    completionRate(t) = finishes / plays over [max(lo, t - 14 min), t]: the SQL's
 *                                        15-row window runs over the query's rows, so it is cut at lo
 * Every ratio is null on a 0 denominator, as nullif() makes it in SQL.
 */
import type { Counters, KpiPeriod, PulseKpis, SeriesPoint, VideoMinute } from "./models";
import { DAY_MS, MINUTE_MS } from "./param-values";
import type { SeriesDelta } from "./series-delta";

/** One minute's counters: per-minute sums of log rows (window_start = t). */
export interface MinuteRow extends Counters {
  readonly t: number;
}

export interface MinuteDelta {
  /** The rows are those with afterBatch < batch_id <= throughBatch. */
  readonly afterBatch: number;
  readonly throughBatch: number;
  /** The watermark committed with throughBatch. */
  readonly watermarkMs: number;
  /** False when some table snapshot since afterBatch may have removed rows (see the header). */
  readonly appendOnly: boolean;
  readonly rows: readonly MinuteRow[];
}

export interface MinuteChange {
  readonly previousWatermark: number;
  readonly watermark: number;
  /** Shown minutes (>= T - S, < T) whose counters may differ: newly closed ones and corrected old ones, ascending. */
  readonly changed: readonly number[];
}

export type FullRecomputeReason = "start" | "gap" | "batch moved back" | "watermark moved back" | "rows removed";

/** rt_video_velocity_24h's span: its rows, and the video set it draws from, end at T. */
const VELOCITY_VIEW_MINUTES = 24 * 60;
/** video_minute_series.sql's completion window: the 15 rows ending at t. */
const COMPLETION_WINDOW_MINUTES = 15;

type Sums = { -readonly [K in keyof Counters]: number };
const zero = (): Sums => ({ impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 });
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

function requireMinute(name: string, ms: number): void {
  if (!Number.isInteger(ms) || ms % MINUTE_MS !== 0) throw new RangeError(`${name} must be a whole minute in epoch ms, got ${ms}`);
}

/** A period's KPIs from its sums: the ratios pulse_kpis.sql computes (null on a 0 denominator). */
export function kpiPeriodOf(s: Counters): KpiPeriod {
  return {
    ...s,
    completionRate: ratio(s.finishes, s.plays),
    likesPer1k: ratio(1000 * s.likes, s.impressions),
    sharesPer1k: ratio(1000 * s.shares, s.impressions),
  };
}

export function needsFullRecompute(log: MinuteLog, delta: MinuteDelta): FullRecomputeReason | null {
  if (log.batch === null || log.watermark === null) return "start";
  if (delta.afterBatch !== log.batch) return "gap";
  if (delta.throughBatch < delta.afterBatch) return "batch moved back";
  if (delta.watermarkMs < log.watermark) return "watermark moved back";
  if (!delta.appendOnly) return "rows removed";
  return null;
}

export class MinuteLog {
  readonly retentionMs: number;
  #minutes = new Map<number, Sums>();
  #batch: number | null = null;
  #watermark: number | null = null;

  /** retentionMs = S: 48 h serves the 24 h presets' KPIs (their previous period starts at T - 48 h). */
  constructor(retentionMs: number) {
    requireMinute("retentionMs", retentionMs);
    if (retentionMs <= 0) throw new RangeError("retentionMs must be positive");
    this.retentionMs = retentionMs;
  }

  get batch(): number | null {
    return this.#batch;
  }

  get watermark(): number | null {
    return this.#watermark;
  }

  /** Minutes held (with a row, >= T - S): the state's size. */
  get minuteCount(): number {
    return this.#minutes.size;
  }

  /** T - S: the first minute the log can show, or null before the first reset. */
  get retainedFrom(): number | null {
    return this.#watermark === null ? null : this.#watermark - this.retentionMs;
  }

  /** Whether reads starting at minute lo are answered here (requireCovered throws a RangeError if not). */
  covers(lo: number): boolean {
    const from = this.retainedFrom;
    return from !== null && lo >= from;
  }

  reset(rows: readonly MinuteRow[], throughBatch: number, watermarkMs: number): void {
    requireMinute("watermarkMs", watermarkMs);
    for (const r of rows) requireMinute("row t", r.t);
    this.#minutes = new Map();
    this.#batch = throughBatch;
    this.#watermark = watermarkMs;
    this.#add(rows);
  }

  apply(delta: MinuteDelta): MinuteChange {
    const why = needsFullRecompute(this, delta);
    if (why !== null) throw new Error(`MinuteLog.apply: a full recompute is needed (${why})`);
    requireMinute("watermarkMs", delta.watermarkMs);
    for (const r of delta.rows) requireMinute("row t", r.t);
    const previousWatermark = this.#watermark!;
    const t = delta.watermarkMs;
    const from = t - this.retentionMs;
    this.#batch = delta.throughBatch;
    this.#watermark = t;
    for (const m of this.#minutes.keys()) if (m < from) this.#minutes.delete(m);
    const touched = this.#add(delta.rows);
    const changed: number[] = [];
    for (const m of touched) if (m < previousWatermark) changed.push(m);
    for (let m = Math.max(previousWatermark, from); m < t; m += MINUTE_MS) changed.push(m);
    changed.sort((a, b) => a - b);
    return { previousWatermark, watermark: t, changed };
  }

  /** Adds rows (checked beforehand, so a bad one changes nothing) of retained minutes up; returns the minutes touched. */
  #add(rows: readonly MinuteRow[]): Set<number> {
    const from = this.retainedFrom!;
    const touched = new Set<number>();
    for (const r of rows) {
      if (r.t < from) continue;
      const c = this.#minutes.get(r.t) ?? zero();
      this.#minutes.set(r.t, c);
      c.impressions += r.impressions;
      c.plays += r.plays;
      c.finishes += r.finishes;
      c.likes += r.likes;
      c.shares += r.shares;
      touched.add(r.t);
    }
    return touched;
  }

  /** The shown minutes of [lo, hi), after checking the log holds them all. */
  #shown(lo: number, hi: number): { end: number } {
    requireMinute("lo", lo);
    requireMinute("hi", hi);
    const t = this.#watermark;
    if (t === null) throw new Error("MinuteLog: nothing loaded yet (reset first)");
    const end = Math.min(hi, t);
    if (end > lo) this.requireCovered(lo);
    return { end };
  }

  requireCovered(lo: number): void {
    if (!this.covers(lo)) throw new RangeError(`MinuteLog: minute ${lo} is before the retention (from ${this.retainedFrom})`);
  }

  #at(m: number): Counters {
    return this.#minutes.get(m) ?? zero();
  }

  /** Minute m's counters if it is shown (closed, retained), zeros for a shown minute with no row; else undefined. */
  countersAt(m: number): Counters | undefined {
    const t = this.#watermark;
    if (t === null || m >= t || !this.covers(m) || m % MINUTE_MS !== 0) return undefined;
    return this.#at(m);
  }

  points(lo: number, hi: number): SeriesPoint[] {
    const { end } = this.#shown(lo, hi);
    const out: SeriesPoint[] = [];
    for (let m = lo; m < end; m += MINUTE_MS) {
      const c = this.#at(m);
      out.push({ t: m, minutes: 1, ...c, completionRate: ratio(c.finishes, c.plays) });
    }
    return out;
  }

  totals(lo: number, hi: number): KpiPeriod {
    const { end } = this.#shown(lo, hi);
    const s = zero();
    for (let m = lo; m < end; m += MINUTE_MS) {
      const c = this.#at(m);
      s.impressions += c.impressions;
      s.plays += c.plays;
      s.finishes += c.finishes;
      s.likes += c.likes;
      s.shares += c.shares;
    }
    return kpiPeriodOf(s);
  }

  kpis(lo: number, hi: number): PulseKpis {
    const { end } = this.#shown(lo, hi);
    return { rangeStart: lo, rangeEnd: end, current: this.totals(lo, end), previous: this.totals(lo - DAY_MS, end - DAY_MS) };
  }

  videoPoints(lo: number, hi: number, velocityWindowMinutes: number): VideoMinute[] {
    const n = velocityWindowMinutes;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`velocityWindowMinutes must be a positive integer, got ${n}`);
    const { end } = this.#shown(lo, hi);
    if (end <= lo) return [];
    // Prefix sums from the first minute velocity needs, t - (2N - 1) for t = lo (whole numbers, so exact).
    const first = lo - (2 * n - 1) * MINUTE_MS;
    this.requireCovered(first);
    const count = (end - first) / MINUTE_MS;
    const plays = new Float64Array(count + 1);
    const finishes = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const c = this.#at(first + i * MINUTE_MS);
      plays[i + 1] = plays[i]! + c.plays;
      finishes[i + 1] = finishes[i]! + c.finishes;
    }
    // Sum over minutes with indices [a, b) of the prefix array p.
    const sum = (p: Float64Array, a: number, b: number) => p[b]! - p[a]!;
    const out: VideoMinute[] = [];
    const iLo = 2 * n - 1;
    for (let i = iLo; i < count; i++) {
      const t = first + i * MINUTE_MS;
      const recent = sum(plays, i + 1 - n, i + 1);
      const previous = sum(plays, i + 1 - 2 * n, i + 1 - n);
      const w = Math.max(iLo, i + 1 - COMPLETION_WINDOW_MINUTES);
      out.push({
        t,
        ...this.#at(t),
        velocity: recent / n,
        acceleration: (recent - previous) / (n * n),
        completionRate: ratio(sum(finishes, w, i + 1), sum(plays, w, i + 1)),
      });
    }
    return out;
  }

  /** Whether some minute in [lo, hi) has a row (however small its counters). */
  hasRows(lo: number, hi: number): boolean {
    for (const m of this.#minutes.keys()) if (m >= lo && m < hi) return true;
    return false;
  }
}

function presetBounds(log: MinuteLog, rangeMinutes: number): { lo: number; hi: number } {
  const t = log.watermark;
  if (t === null) throw new Error("MinuteLog: nothing loaded yet (reset first)");
  return { lo: t - rangeMinutes * MINUTE_MS, hi: t };
}

/** pulse_platform_series.sql for a preset (minute buckets): the last rangeMinutes closed minutes. */
export function presetPoints(log: MinuteLog, rangeMinutes: number): SeriesPoint[] {
  const { lo, hi } = presetBounds(log, rangeMinutes);
  return log.points(lo, hi);
}

/** pulse_kpis.sql for a preset: [T - rangeMinutes, T) against the same minutes a day earlier. */
export function presetKpis(log: MinuteLog, rangeMinutes: number): PulseKpis {
  const { lo, hi } = presetBounds(log, rangeMinutes);
  return log.kpis(lo, hi);
}

/**
 * video_minute_series.sql for a preset (rangeMinutes <= 1440): no points at all unless the video
 * has a row in [T - 1440 - 2N min, T), the video set of rt_video_velocity_24h.
 */
export function videoSeries(log: MinuteLog, rangeMinutes: number, velocityWindowMinutes: number): VideoMinute[] {
  if (rangeMinutes > VELOCITY_VIEW_MINUTES) throw new RangeError(`a video series spans at most ${VELOCITY_VIEW_MINUTES} minutes`);
  const { lo, hi } = presetBounds(log, rangeMinutes);
  const videosFrom = hi - (VELOCITY_VIEW_MINUTES + 2 * velocityWindowMinutes) * MINUTE_MS;
  log.requireCovered(videosFrom);
  return log.hasRows(videosFrom, hi) ? log.videoPoints(lo, hi, velocityWindowMinutes) : [];
}

/** The browser's delta for a preset Pulse series after apply(): the range slid to [T - R, T). */
export function platformDelta(log: MinuteLog, change: MinuteChange, rangeMinutes: number): SeriesDelta<SeriesPoint> {
  const { lo } = presetBounds(log, rangeMinutes);
  return { dropBefore: lo, upsert: change.changed.filter((m) => m >= lo).flatMap((m) => log.points(m, m + MINUTE_MS)) };
}
