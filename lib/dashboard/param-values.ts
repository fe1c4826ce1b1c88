/**
 * The closed value sets, defaults and limits of the dashboard's parameters, without zod: the zod
 * schemas (schemas.ts, the API boundary) check against them, and the URL parsers and controls in the
 * browser (search-params.ts, components/) read them from here, so no client bundle carries zod.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The RT log keeps 7 days (maintenance TTL); a custom Pulse range may not be longer. */
export const MAX_RT_RANGE_MINUTES = 7 * 24 * 60;
/** Ranges up to a day are drawn per minute; longer ones per hour of the chosen time zone. */
export const MINUTE_BUCKET_MAX_MINUTES = 24 * 60;
export const MAX_DAILY_RANGE_DAYS = 92;

export const RANGE_PRESETS = { "1h": 60, "6h": 360, "24h": 1440 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
/** The Pulse page's `range`: a preset counted back from the watermark, or `custom` (from/to). */
export const PULSE_RANGES = ["1h", "6h", "24h", "custom"] as const;
export type PulseRange = (typeof PULSE_RANGES)[number];
export const DEFAULT_RANGE = "24h" satisfies RangePreset;
/** A video page's series `range`. */
export const VIDEO_RANGES = ["1h", "6h", "24h"] as const;
export type VideoRange = (typeof VIDEO_RANGES)[number];

export const DEFAULT_TIME_ZONE = "UTC";

export const REFRESH_CHOICES = [5, 10, 30, 60, 300] as const;
export type RefreshSeconds = (typeof REFRESH_CHOICES)[number];
export const DEFAULT_REFRESH_SECONDS = 30 satisfies RefreshSeconds;

export const TRENDING_SORTS = ["velocity", "acceleration", "trending", "change"] as const;
export type TrendingSort = (typeof TRENDING_SORTS)[number];
export const DEFAULT_TRENDING_SORT = "velocity" satisfies TrendingSort;
/** Rows of the Pulse page's trending table (and of its live stream). */
export const TRENDING_LIMIT = 25;

/** A time chart's comparison overlay: the same range one day or one week earlier (`compare` in the URL). */
export const COMPARE_MODES = ["off", "day", "week"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];
export const DEFAULT_COMPARE = "off" satisfies CompareMode;
export const COMPARE_SHIFT_MS: Readonly<Record<Exclude<CompareMode, "off">, number>> = { day: 86_400_000, week: 7 * 86_400_000 };

export const DAILY_SORTS = ["watch_hours", "completion_rate", "unique_viewers", "retention_d1"] as const;
export type DailySort = (typeof DAILY_SORTS)[number];
export const DEFAULT_DAILY_SORT = "watch_hours" satisfies DailySort;
export const SORT_DIRS = ["asc", "desc"] as const;
export type SortDir = (typeof SORT_DIRS)[number];
export const DEFAULT_SORT_DIR = "desc" satisfies SortDir;

/** Videos below this many viewers are left out of the retention distribution: one viewer's 0 % or 100 % says nothing. */
export const MIN_VIEWERS_CHOICES = ["1", "10", "100", "1000"] as const;
export type MinViewers = (typeof MIN_VIEWERS_CHOICES)[number];
export const DEFAULT_MIN_VIEWERS = 10;

/** What the daily page's category trends chart draws. */
export const TREND_METRICS = ["watch_hours", "unique_viewers", "completion_rate", "retention_d1"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const DEFAULT_TREND_METRIC = "watch_hours" satisfies TrendMetric;
