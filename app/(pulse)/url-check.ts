/**
 * The Pulse page's URL checked on the server with the API routes' zod schemas (zod stays out of the
 * browser): the raw URL, then what each panel's route will receive under its key. Gives the page's
 * parsed state, its panels' queries and the data layer's input, or the issues to show.
 */
import { z } from "zod";
import { compareParam, instantSchema, kioskQuery, pulseRangeQuery, refreshSchema, trendingQuery } from "@/lib/dashboard/schemas";
import { checkUrl, issuesOf, routeInput, type SearchParams } from "@/lib/server/page-input";
import { loadPulseParams, pulseQueries } from "./search-params";

const refreshQuery = z.object({ refresh: refreshSchema });
const atParam = z.object({ at: instantSchema.optional() });
const pinnedParam = z.object({ pinned: z.enum(["true", "false"], { error: "pinned must be true or false" }).optional() });

export function checkPulseUrl(sp: SearchParams) {
  const params = loadPulseParams(sp);
  const queries = pulseQueries(params);
  const range = routeInput(pulseRangeQuery, queries.series.queryKey);
  const trending = routeInput(trendingQuery, queries.trending.queryKey);
  const issues = issuesOf(
    checkUrl(pulseRangeQuery, sp),
    checkUrl(trendingQuery, { category: sp.category, creator: sp.creator, sort: sp.sort }),
    checkUrl(refreshQuery, sp),
    checkUrl(compareParam, { compare: sp.compare }),
    checkUrl(atParam, { at: sp.at }),
    checkUrl(pinnedParam, { pinned: sp.pinned }),
    checkUrl(kioskQuery, { kiosk: sp.kiosk, stale: sp.stale }),
    range,
    trending,
  );
  if (!range.ok || !trending.ok || issues.length > 0) return { ok: false, issues } as const;
  return { ok: true, params, queries, range: range.value, trending: trending.value } as const;
}
