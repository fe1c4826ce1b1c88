/**
 * A video page's URL checked on the server with the API routes' zod schemas (zod stays out of the
 * browser): the id and the raw URL, then what the series route will receive under its key. Gives
 * the page's parsed state, its panels' queries and the data layer's input, or the issues to show.
 */
import { z } from "zod";
import { compareParam, instantSchema, kioskQuery, refreshSchema, timeZoneParam, videoIdSchema, videoSeriesQuery } from "@/lib/dashboard/schemas";
import { checkUrl, issuesOf, routeInput, type SearchParams } from "@/lib/server/page-input";
import { loadVideoParams, videoQueries } from "./search-params";

const pageQuery = z
  .object({ tz: timeZoneParam, refresh: refreshSchema, from: instantSchema.optional(), to: instantSchema.optional() })
  .extend(compareParam.shape)
  .superRefine((v, ctx) => {
    if ((v.from === undefined) !== (v.to === undefined)) ctx.addIssue({ code: "custom", path: ["from"], message: "a zoom needs both from and to" });
    else if (v.from !== undefined && v.to !== undefined && v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "from must be before to" });
  });

/** `videoId` as Next hands the segment over: decoded once (malformed escapes are refused by proxy.ts); never decode twice. */
export function checkVideoUrl(videoId: string, sp: SearchParams) {
  const id = checkUrl(z.object({ videoId: videoIdSchema }), { videoId });
  if (!id.ok) return { ok: false, issues: id.issues } as const;
  const params = loadVideoParams(sp);
  const queries = videoQueries(id.value.videoId, params);
  const series = routeInput(videoSeriesQuery, queries.series.queryKey);
  const issues = issuesOf(checkUrl(videoSeriesQuery, sp), checkUrl(pageQuery, sp), checkUrl(kioskQuery, { kiosk: sp.kiosk, stale: sp.stale }), series);
  if (!series.ok || issues.length > 0) return { ok: false, issues } as const;
  return { ok: true, videoId: id.value.videoId, params, queries, series: series.value } as const;
}
