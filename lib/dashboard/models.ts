/** Row shapes the dashboard's data layer returns and its components draw. Times are epoch ms. */
import type { RtState, SeedProgress } from "./rt-progress";

/** The RT log's counters summed over some minutes; plays = play_start, finishes = play_finish. */
export interface Counters {
  readonly impressions: number;
  readonly plays: number;
  readonly finishes: number;
  readonly likes: number;
  readonly shares: number;
}

export interface SeriesPoint extends Counters {
  readonly t: number;
  /** Minutes the bucket covers (1 for minute buckets; up to 60 for hours). */
  readonly minutes: number;
  readonly completionRate: number | null;
}

export interface PlatformSeries {
  readonly bucket: "minute" | "hour";
  readonly points: readonly SeriesPoint[];
}

export interface KpiPeriod extends Counters {
  readonly completionRate: number | null;
  readonly likesPer1k: number | null;
  readonly sharesPer1k: number | null;
}

export interface PulseKpis {
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly current: KpiPeriod;
  /** The same range 24 hours earlier. */
  readonly previous: KpiPeriod;
  /** The same range 7 days earlier; null when it could not be read (the tile then says so). */
  readonly previousWeek?: KpiPeriod | null;
}

/** A minute of a comparison overlay: the counters of the minute `shiftMs` earlier, at the current minute's time t. */
export interface BaselineMinute extends Counters {
  readonly t: number;
}

/** A video among the most played of one chart bucket (a click on the Pulse chart). */
export interface BucketTopVideo {
  readonly videoId: string;
  readonly category: string | null;
  readonly status: string;
  readonly plays: number;
  readonly impressions: number;
  readonly finishes: number;
  readonly likes: number;
  readonly completionRate: number | null;
}

/** A video the nav's search found: by a prefix of its id, or by one of its hashtags. */
export interface VideoHit {
  readonly videoId: string;
  readonly category: string | null;
  readonly creatorId: string | null;
  readonly hashtags: readonly string[];
  readonly status: string;
  readonly matched: "id" | "hashtag";
}

export interface TrendingRow {
  readonly rank: number;
  readonly videoId: string;
  readonly category: string | null;
  readonly uploadTime: number | null;
  /** Null, like trendingScore, while the video's upload time is unknown (its dimension row has not arrived). */
  readonly ageHours: number | null;
  readonly velocity: number;
  readonly acceleration: number;
  readonly trendingScore: number | null;
  /** Plays per minute over the same N minutes a day earlier (0 without plays then). */
  readonly baselineVelocity: number;
  /** velocity - baselineVelocity: how far above its day-earlier pace the video runs. */
  readonly velocityChange: number;
  readonly creatorId: string | null;
  readonly hashtags: readonly string[];
  /** Plays of each of the last 60 closed minutes, oldest first (index 59 = the minute before the watermark). */
  readonly sparkline: readonly number[];
  /** How unusual the current velocity is against the sparkline's minutes before the velocity window (why-it-ranks.ts); null when flat. */
  readonly baselineZ: number | null;
  readonly impressions: number;
  readonly plays: number;
  readonly likes: number;
  readonly shares: number;
}

export interface Trending {
  readonly total: number;
  readonly rows: readonly TrendingRow[];
}

export interface VideoSummary {
  readonly videoId: string;
  readonly known: boolean;
  readonly creatorId: string | null;
  readonly category: string | null;
  readonly status: string;
  readonly durationMs: number | null;
  readonly uploadTime: number | null;
  readonly velocity: number;
  readonly acceleration: number;
  readonly impressions24h: number;
  readonly plays24h: number;
  readonly finishes24h: number;
  readonly likes24h: number;
  readonly shares24h: number;
  readonly completionRate24h: number | null;
}

export interface VideoMinute extends Counters {
  readonly t: number;
  readonly velocity: number;
  readonly acceleration: number;
  readonly completionRate: number | null;
}

export interface VideoDay {
  readonly date: string;
  readonly category: string | null;
  readonly watchHours: number;
  readonly completionRate: number | null;
  readonly uniqueViewers: number;
  readonly retentionD1: number | null;
}

export interface DailyVideoRow {
  readonly videoId: string;
  readonly category: string | null;
  readonly watchHours: number;
  readonly completionRate: number | null;
  readonly uniqueViewers: number;
  readonly retentionD1: number | null;
  readonly days: number;
}

export interface DailyVideos {
  readonly total: number;
  readonly rows: readonly DailyVideoRow[];
}

export interface CategoryDay {
  readonly date: string;
  readonly category: string;
  readonly watchHours: number;
  readonly completionRate: number | null;
  readonly uniqueViewers: number;
  readonly videos: number;
  /** Viewer-weighted mean of the category's videos' D1 retention; null while none is known. */
  readonly retentionD1: number | null;
}

export interface DailyCoverage {
  /** End of the newest built UTC day, epoch ms. */
  readonly completeThrough: number | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

export interface Health {
  readonly ok: boolean;
  readonly trino: { readonly reachable: boolean; readonly error?: string; readonly latencyMs: number | null };
  readonly tables: readonly {
    readonly table: string;
    readonly completeThrough: number | null;
    readonly lastCommit: number | null;
    readonly lagSeconds: number | null;
    readonly fresh: boolean;
  }[];
  /**
   * The real-time log: "loading" until the first micro-batch commits (the RT table's completeThrough
   * is then null), with the running seed's progress; seed is null when no seed is running.
   */
  readonly rt: { readonly state: RtState; readonly seed: SeedProgress | null } | null;
  readonly queriesSent: number;
  readonly checkedAt: number;
  /** The server's clock when it sent this answer (checkedAt may be older: the check is cached); a wall screen ages commits by it. */
  readonly servedAt: number;
  /**
   * The Kafka ingest's dead letters (bronze.dead_letters): records it set aside with their reason.
   * null when the table cannot be read (an attached lakehouse migrated before it existed).
   */
  readonly ingest?: { readonly deadLetters: number; readonly lastDeadLetterAt: number | null } | null;
  /**
   * The main command's supervisor (tools/lakehouse/supervisor.ts): each local server's state, since
   * when it is down, its restarts. null when none reports (attach mode, or no supervisor started);
   * reporting false when its last report is older than 15 s (the main command is gone).
   */
  readonly supervision?: {
    readonly reporting: boolean;
    readonly updatedAt: number;
    readonly servers: readonly {
      readonly name: string;
      readonly label: string;
      readonly state: "up" | "down" | "restarting" | "crash-loop";
      readonly downSince: number | null;
      readonly restarts: number;
      readonly lastError: string | null;
      readonly lastRecoveryMs: number | null;
    }[];
  } | null;
  /** The live watcher: how it learns of commits, whether it works, and the data versions it last saw. */
  readonly live?: {
    readonly source: "catalog" | "trino";
    readonly healthy: boolean;
    readonly rtVersion: string | null;
    readonly dailyVersion: string | null;
    readonly readAt: number | null;
    readonly error?: string;
    /** Live views this server holds (URL parameter sets watched lately) and the streams open on them. */
    readonly views: number;
    readonly subscribers: number;
  };
}

/** One day of a D1 retention series; retentionD1 is null while the day after is incomplete. */
export interface RetentionDay {
  readonly date: string;
  readonly retentionD1: number | null;
  /** The weights: the platform's cohort, or a category's summed video viewers. */
  readonly viewers: number;
}

export interface RetentionSeries {
  readonly kind: "platform" | "category";
  /** "Platform", or the category. */
  readonly name: string;
  readonly days: readonly RetentionDay[];
  /** Over the range's days with a known retention, each day weighted by its viewers. */
  readonly range: { readonly retentionD1: number | null; readonly viewers: number };
}

export interface DailyRetention {
  readonly from: string;
  readonly to: string;
  /** The platform first, then categories by name. */
  readonly series: readonly RetentionSeries[];
}

export interface RetentionVideo {
  readonly videoId: string;
  readonly retentionD1: number;
  readonly viewers: number;
}

export interface RetentionDistribution {
  readonly from: string;
  readonly to: string;
  /** counts[k]: videos with k / bins <= retention < (k + 1) / bins (100 % in the last bin). */
  readonly counts: readonly number[];
  readonly minViewers: number;
  readonly videos: number;
  readonly lowest: readonly RetentionVideo[];
  readonly highest: readonly RetentionVideo[];
}

export interface PlatformRetentionDay {
  readonly date: string;
  readonly retentionD1: number | null;
  readonly cohortViewers: number;
  readonly retainedViewers: number | null;
}
