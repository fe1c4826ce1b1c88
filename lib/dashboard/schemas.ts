/**
 * Every input the dashboard accepts, as zod schemas shared by the API routes, the server pages and
 * the client (which builds URLs from the same shapes). Anything a schema lets through is safe to
 * bind: lengths are bounded, enums are closed, dates are real calendar dates, ranges are ordered and
 * bounded. Query-string values arrive as strings, hence the coercions.
 */
import { z } from "zod";
import { KIOSK_OFF, KIOSK_ON, MAX_STALE_MINUTES, MIN_STALE_MINUTES } from "./kiosk-params";
import {
  COMPARE_MODES,
  DAILY_SORTS,
  DAY_MS,
  DEFAULT_DAILY_SORT,
  DEFAULT_MIN_VIEWERS,
  DEFAULT_RANGE,
  DEFAULT_REFRESH_SECONDS,
  DEFAULT_SORT_DIR,
  DEFAULT_TIME_ZONE,
  DEFAULT_TREND_METRIC,
  DEFAULT_TRENDING_SORT,
  MAX_DAILY_RANGE_DAYS,
  MAX_RT_RANGE_MINUTES,
  MIN_VIEWERS_CHOICES,
  MINUTE_MS,
  PULSE_RANGES,
  RANGE_PRESETS,
  type RangePreset,
  REFRESH_CHOICES,
  SORT_DIRS,
  TREND_METRICS,
  TRENDING_LIMIT,
  TRENDING_SORTS,
  VIDEO_RANGES,
} from "./param-values";
import { isTimeZone } from "./zoned-time";

// The data layer (lib/server/queries) reads these two with the schemas; everything else imports param-values.ts.
export { MINUTE_BUCKET_MAX_MINUTES, RANGE_PRESETS } from "./param-values";

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const x = firstOf(v);
  return x === "" || x === null ? undefined : x;
};
/** Optional query-string parameter: repeated keys take the first value, an empty value means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const videoIdSchema = z
  .string()
  .min(1, "video id is empty")
  .max(64, "video id is longer than 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "video id may contain only letters, digits, '_' and '-'");

export const categorySchema = z
  .string()
  .max(64, "category is longer than 64 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &_-]*$/u, "category may contain only letters, digits, spaces, '&', '_' and '-'");

export const timeZoneSchema = z
  .string()
  .max(64, "time zone is longer than 64 characters")
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, "time zone must be an IANA name such as UTC or Europe/Berlin")
  .refine(isTimeZone, "unknown time zone (use an IANA name such as UTC or Europe/Berlin)");

/** `tz` of a page's URL: optional, repeated keys take the first value. */
export const timeZoneParam = optional(timeZoneSchema);

/** An instant in ISO-8601 with an explicit offset or Z, between 2000 and 2100, truncated to the minute. */
export const instantSchema = z
  .string()
  .max(40, "timestamp is too long")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, "timestamp must be ISO-8601 with a zone, e.g. 2026-11-24T12:00Z")
  .transform((s, ctx) => {
    // Date.parse rolls 2026-02-30 over to March; a real instant must read back with the same fields.
    const [y, mo, d, h, mi] = s.slice(0, 16).split(/[-T:]/).map(Number) as [number, number, number, number, number];
    const fields = new Date(Date.UTC(y, mo - 1, d, h, mi));
    const real = fields.getUTCFullYear() === y && fields.getUTCMonth() === mo - 1 && fields.getUTCDate() === d && h < 24 && mi < 60;
    const ms = real ? Date.parse(s) : NaN;
    if (!Number.isFinite(ms) || ms < Date.UTC(2000, 0, 1) || ms > Date.UTC(2100, 0, 1)) {
      ctx.addIssue({ code: "custom", message: "timestamp must be a real instant between 2000 and 2100" });
      return z.NEVER;
    }
    return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  });

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "2000-01-01" && s <= "2100-01-01";
  }, "not a calendar date between 2000 and 2100");

const limitSchema = (max: number, fallback: number) => optional(z.coerce.number().int().min(1).max(max)).transform((v) => v ?? fallback);

/** The time range of RT panels, resolved: a preset counted back from the watermark, or fixed instants. */
export type RtRange =
  | { readonly kind: "preset"; readonly preset: RangePreset; readonly minutes: number }
  | { readonly kind: "custom"; readonly startMs: number; readonly endMs: number; readonly minutes: number };

export const rangeFields = {
  range: optional(z.enum(PULSE_RANGES, { error: "range must be 1h, 6h, 24h or custom" })),
  from: optional(instantSchema),
  to: optional(instantSchema),
};

function resolveRange(v: { range?: string | undefined; from?: number | undefined; to?: number | undefined }, ctx: z.RefinementCtx): RtRange {
  if (v.range === "custom" || (v.range === undefined && (v.from !== undefined || v.to !== undefined))) {
    if (v.from === undefined || v.to === undefined) {
      ctx.addIssue({ code: "custom", message: "a custom range needs both from and to", path: ["from"] });
      return z.NEVER;
    }
    if (v.to <= v.from) {
      ctx.addIssue({ code: "custom", message: "from must be before to", path: ["to"] });
      return z.NEVER;
    }
    const minutes = (v.to - v.from) / MINUTE_MS;
    if (minutes > MAX_RT_RANGE_MINUTES) {
      ctx.addIssue({ code: "custom", message: `a range may span at most 7 days (the real-time log's retention)`, path: ["to"] });
      return z.NEVER;
    }
    return { kind: "custom", startMs: v.from, endMs: v.to, minutes };
  }
  const preset = (v.range ?? DEFAULT_RANGE) as RangePreset;
  return { kind: "preset", preset, minutes: RANGE_PRESETS[preset] };
}

export const creatorSchema = z
  .string()
  .min(1, "creator is empty")
  .max(64, "creator is longer than 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "creator may contain only letters, digits, '_' and '-'");

/** The cross-filter: the Pulse page narrowed to one category and/or one creator (their videos as the dimension says now). */
export interface Segment {
  readonly category: string | null;
  readonly creator: string | null;
}

/** A filtered chart is drawn per minute from the log itself (no rollup holds categories), so it spans at most a day. */
export const MAX_SEGMENT_RANGE_MINUTES = 24 * 60;

const segmentFields = { category: optional(categorySchema), creator: optional(creatorSchema) };

function resolveSegment(v: { category?: string | undefined; creator?: string | undefined }, range: RtRange, ctx: z.RefinementCtx): Segment | undefined {
  if (v.category === undefined && v.creator === undefined) return undefined;
  if (typeof range === "object" && range.minutes > MAX_SEGMENT_RANGE_MINUTES) {
    ctx.addIssue({ code: "custom", message: "a category or creator filter covers ranges up to 24 hours", path: ["range"] });
  }
  return { category: v.category ?? null, creator: v.creator ?? null };
}

export const pulseRangeQuery = z
  .object({ ...rangeFields, tz: optional(timeZoneSchema).transform((v) => v ?? DEFAULT_TIME_ZONE), ...segmentFields })
  .transform((v, ctx) => {
    const range = resolveRange(v, ctx);
    const segment = resolveSegment(v, range, ctx);
    return { range, tz: v.tz, ...(segment ? { segment } : {}) } as { range: RtRange; tz: string; segment?: Segment };
  });
export type PulseRangeQuery = z.output<typeof pulseRangeQuery>;

const compareSchema = z.enum(["day", "week"], { error: "compare must be day or week" });

/** A page's `compare` overlay toggle, as the URL carries it (absent: off). */
export const compareParam = z.object({ compare: optional(z.enum(COMPARE_MODES, { error: "compare must be off, day or week" })) });

/** GET /api/pulse/series/baseline: the Pulse series' range, shifted a day or a week back. */
export const pulseBaselineQuery = z
  .object({ ...rangeFields, tz: optional(timeZoneSchema).transform((v) => v ?? DEFAULT_TIME_ZONE), ...segmentFields, compare: compareSchema })
  .transform((v, ctx) => {
    const range = resolveRange(v, ctx);
    const segment = resolveSegment(v, range, ctx);
    return { range, tz: v.tz, compare: v.compare, ...(segment ? { segment } : {}) } as {
      range: RtRange;
      tz: string;
      compare: "day" | "week";
      segment?: Segment;
    };
  });
export type PulseBaselineQuery = z.output<typeof pulseBaselineQuery>;

export const trendingQuery = z.object({
  category: optional(categorySchema),
  creator: optional(creatorSchema),
  sort: optional(z.enum(TRENDING_SORTS, { error: "sort must be velocity, acceleration, trending or change" })).transform((v) => v ?? DEFAULT_TRENDING_SORT),
  limit: limitSchema(200, TRENDING_LIMIT),
});
export type TrendingQuery = z.output<typeof trendingQuery>;

export const videoSeriesQuery = z.object({
  range: optional(z.enum(VIDEO_RANGES, { error: "range must be 1h, 6h or 24h" })).transform((v) => v ?? DEFAULT_RANGE),
});
export type VideoSeriesQuery = z.output<typeof videoSeriesQuery>;

/** GET /api/pulse/top-videos?from=&to=: one bucket of the Pulse chart (at most a day). */
export const topVideosQuery = z.object({ from: instantSchema, to: instantSchema }).superRefine((q, ctx) => {
  if (q.to <= q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "from must be before to" });
  else if (q.to - q.from > DAY_MS) ctx.addIssue({ code: "custom", path: ["to"], message: "a bucket spans at most a day" });
});

/** GET /api/search/videos?q=: a video id's start or a hashtag (with or without '#'). */
export const videoSearchQuery = z.object({
  q: z
    .string({ error: "q is required: a video id's start or a hashtag" })
    .trim()
    .min(2, "q must be at least 2 characters")
    .max(64, "q is longer than 64 characters")
    .regex(/^#?[A-Za-z0-9_-]+$/, "q may contain only letters, digits, '_' and '-' (and a leading '#')"),
});

/** GET /api/videos/[id]/series/baseline: a video's series range, shifted a day or a week back. */
export const videoBaselineQuery = z.object({
  range: optional(z.enum(VIDEO_RANGES, { error: "range must be 1h, 6h or 24h" })).transform((v) => v ?? DEFAULT_RANGE),
  compare: compareSchema,
});

const dailyRangeObject = z.object({
  from: optional(dateSchema),
  to: optional(dateSchema),
  category: optional(categorySchema),
});

function checkDailyRange(v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.from && v.to) {
    if (v.from > v.to) ctx.addIssue({ code: "custom", message: "from must not be after to", path: ["to"] });
    else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1 > MAX_DAILY_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", message: `a date range may span at most ${MAX_DAILY_RANGE_DAYS} days`, path: ["to"] });
    }
  }
}

/** from/to may be omitted (the page then picks the last 7 built days); both are checked when given. */
export const dailyRangeQuery = dailyRangeObject.superRefine(checkDailyRange);
export type DailyRangeQuery = z.output<typeof dailyRangeQuery>;

export const dailyVideosQuery = dailyRangeObject
  .extend({
    sort: optional(z.enum(DAILY_SORTS, { error: `sort must be one of ${DAILY_SORTS.join(", ")}` })).transform((v) => v ?? DEFAULT_DAILY_SORT),
    dir: optional(z.enum(SORT_DIRS, { error: "dir must be asc or desc" })).transform((v) => v ?? DEFAULT_SORT_DIR),
    limit: limitSchema(1000, 100),
  })
  .superRefine(checkDailyRange);
export type DailyVideosQuery = z.output<typeof dailyVideosQuery>;

export const retentionDistributionQuery = dailyRangeObject
  .extend({
    min_viewers: optional(z.enum(MIN_VIEWERS_CHOICES, { error: `min_viewers must be one of ${MIN_VIEWERS_CHOICES.join(", ")}` })).transform((v) =>
      v === undefined ? DEFAULT_MIN_VIEWERS : Number(v),
    ),
  })
  .superRefine(checkDailyRange);
export type RetentionDistributionQuery = z.output<typeof retentionDistributionQuery>;

export const refreshSchema = optional(
  z.coerce
    .number()
    .int()
    .refine((n) => (REFRESH_CHOICES as readonly number[]).includes(n), `refresh must be one of ${REFRESH_CHOICES.join(", ")} seconds`),
).transform((v) => v ?? DEFAULT_REFRESH_SECONDS);

/** The daily page's trend chart metric: a page-only parameter, checked like the others so a bad link says so. */
export const trendMetricSchema = optional(z.enum(TREND_METRICS, { error: `metric must be one of ${TREND_METRICS.join(", ")}` })).transform(
  (v) => v ?? DEFAULT_TREND_METRIC,
);

/** A query string as a plain object for the schemas; a repeated key keeps its first value. */
export function searchParamsObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) out[key] = params.get(key);
  return out;
}

/** One line per issue, naming the parameter: what a 400 response and a page's message show. */
export function describeIssues(error: z.ZodError): { param: string; message: string }[] {
  return error.issues.map((i) => ({ param: i.path.join(".") || "(request)", message: i.message }));
}

/** Kiosk mode's URL (kiosk-params.ts), as every page checks it: absent means off and the default threshold. */
export const kioskQuery = z.object({
  kiosk: z.enum([...KIOSK_ON, ...KIOSK_OFF] as [string, ...string[]], { error: "kiosk must be 1 (on) or 0 (off)" }).optional(),
  stale: z.coerce
    .number({ error: "stale must be a number of minutes" })
    .min(MIN_STALE_MINUTES, `stale must be at least ${MIN_STALE_MINUTES} minutes`)
    .max(MAX_STALE_MINUTES, `stale must be at most ${MAX_STALE_MINUTES} minutes`)
    .optional(),
});
