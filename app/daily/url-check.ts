/**
 * The daily page's URL checked on the server with the API routes' zod schemas (zod stays out of the
 * browser): the raw URL, then what each panel's route will receive under its key. Gives the page's
 * parsed state, its panels' queries and the data layer's input, or the issues to show.
 */
import { z } from "zod";
import { dailyRangeQuery, dailyVideosQuery, kioskQuery, retentionDistributionQuery, trendMetricSchema } from "@/lib/dashboard/schemas";
import { checkUrl, issuesOf, routeInput, type SearchParams } from "@/lib/server/page-input";
import { dailyQueries, loadDailyParams } from "./search-params";

const metricQuery = z.object({ metric: trendMetricSchema });

export function checkDailyUrl(sp: SearchParams) {
  const params = loadDailyParams(sp);
  const queries = dailyQueries(params);
  const videos = routeInput(dailyVideosQuery, queries.videos.queryKey);
  const range = routeInput(dailyRangeQuery, queries.categories.queryKey);
  const distribution = routeInput(retentionDistributionQuery, queries.distribution.queryKey);
  const { from, to, category, sort, dir } = sp;
  const issues = issuesOf(
    checkUrl(dailyVideosQuery, { from, to, category, sort, dir }),
    checkUrl(retentionDistributionQuery, { from, to, category, min_viewers: sp.min_viewers }),
    checkUrl(metricQuery, sp),
    checkUrl(kioskQuery, { kiosk: sp.kiosk, stale: sp.stale }),
    videos,
    range,
    distribution,
  );
  if (!videos.ok || !range.ok || !distribution.ok || issues.length > 0) return { ok: false, issues } as const;
  return { ok: true, params, queries, videos: videos.value, range: range.value, distribution: distribution.value } as const;
}
