/**
 * URL state of the daily page, defined once: from, to (UTC dates), category, sort, dir, the trend
 * `metric` and the distribution's `min_viewers`. From these parsers come the server page's parse,
 * the client's typed reads and writes (`useQueryStates(dailyParams)`), links to the page
 * (`dailyHref`), and each panel's API query string and react-query key (`dailyQueries`). zod
 * validates the same URL in page.tsx and in the API routes.
 */
import { createLoader, createSerializer, type inferParserType, parseAsStringLiteral } from "nuqs/server";
import {
  DAILY_SORTS,
  DEFAULT_DAILY_SORT,
  DEFAULT_MIN_VIEWERS,
  DEFAULT_SORT_DIR,
  DEFAULT_TREND_METRIC,
  MIN_VIEWERS_CHOICES,
  type MinViewers,
  SORT_DIRS,
  TREND_METRICS,
} from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";
import { parseAsText, querySerializer } from "@/lib/dashboard/url-parsers";

export const dailyParams = {
  /** UTC dates, YYYY-MM-DD (zod checks them); unset = the last 7 built days. */
  from: parseAsText,
  to: parseAsText,
  category: parseAsText,
  sort: parseAsStringLiteral(DAILY_SORTS).withDefault(DEFAULT_DAILY_SORT),
  dir: parseAsStringLiteral(SORT_DIRS).withDefault(DEFAULT_SORT_DIR),
  metric: parseAsStringLiteral(TREND_METRICS).withDefault(DEFAULT_TREND_METRIC),
  min_viewers: parseAsStringLiteral(MIN_VIEWERS_CHOICES).withDefault(String(DEFAULT_MIN_VIEWERS) as MinViewers),
};
export type DailyParams = inferParserType<typeof dailyParams>;

export const loadDailyParams = createLoader(dailyParams);
/** `dailyHref("/daily", { metric: "retention_d1" })`: a link to the page, defaults left out. */
export const dailyHref = createSerializer(dailyParams, { clearOnDefault: true });

const videosQuery = querySerializer(dailyParams, ["from", "to", "category", "sort", "dir"]);
/** The retention chart takes the same range and category as the category trends; the distribution also its viewer floor. */
const rangeQuery = querySerializer(dailyParams, ["from", "to", "category"]);
const distributionQuery = querySerializer(dailyParams, ["from", "to", "category", "min_viewers"]);

/** The page's panels as API routes (key + fetcher). */
export function dailyQueries(p: DailyParams) {
  return {
    videos: api.dailyVideos(videosQuery(p)),
    categories: api.dailyCategories(rangeQuery(p)),
    retention: api.dailyRetention(rangeQuery(p)),
    distribution: api.retentionDistribution(distributionQuery(p)),
  };
}
