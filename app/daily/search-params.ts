/** URL state of the daily page: from, to (UTC dates), category, sort, dir, the trend `metric`, and the distribution's `min_viewers`. */
import type { Params } from "@/lib/dashboard/query-keys";
import { pickParams } from "@/lib/dashboard/raw-params";

export const dailyVideosParams = (raw: Params) => pickParams(raw, ["from", "to", "category", "sort", "dir"]);
export const dailyCategoriesParams = (raw: Params) => pickParams(raw, ["from", "to", "category"]);
/** The retention chart takes the same range and category as the category trends; the distribution also its viewer floor. */
export const dailyRetentionParams = dailyCategoriesParams;
export const retentionDistributionParams = (raw: Params) => pickParams(raw, ["from", "to", "category", "min_viewers"]);

export const TREND_METRICS = ["watch_hours", "unique_viewers", "completion_rate", "retention_d1"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const trendMetric = (raw: Params): TrendMetric =>
  (TREND_METRICS as readonly string[]).includes(raw.metric ?? "") ? (raw.metric as TrendMetric) : "watch_hours";
