/**
 * URL state of a video page, defined once: `range` (1h | 6h | 24h of its minute series), `tz`,
 * `refresh`. From these parsers come the server page's parse, the client's typed reads and writes
 * (`useQueryStates(videoParams)`), and each panel's API query string, react-query key and the live
 * stream's URL (`videoQueries`). zod validates the same URL in page.tsx and in the API routes.
 */
import { createLoader, createSerializer, type inferParserType, parseAsStringLiteral } from "nuqs/server";
import { COMPARE_MODES, DEFAULT_COMPARE, DEFAULT_RANGE, VIDEO_RANGES } from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";
import { parseAsText, querySerializer, refreshParser, timeZoneParser } from "@/lib/dashboard/url-parsers";

export const videoParams = {
  range: parseAsStringLiteral(VIDEO_RANGES).withDefault(DEFAULT_RANGE),
  tz: timeZoneParser,
  refresh: refreshParser,
  /** The charts' overlay of the same minutes a day or a week earlier. */
  compare: parseAsStringLiteral(COMPARE_MODES).withDefault(DEFAULT_COMPARE),
  /** A zoom into the series (drag across a chart): the minutes [from, to) of the loaded range are drawn. */
  from: parseAsText,
  to: parseAsText,
};
export type VideoParams = inferParserType<typeof videoParams>;

export const loadVideoParams = createLoader(videoParams);
export const videoHref = createSerializer(videoParams, { clearOnDefault: true });

const seriesQuery = querySerializer(videoParams, ["range"]);
const streamQuery = querySerializer(videoParams, ["range", "tz"]);
const baselineQuery = querySerializer(videoParams, ["range", "compare"]);

/** The page's panels as API routes (key + fetcher), and its live stream (panel name -> the key it writes). */
export function videoQueries(videoId: string, p: VideoParams) {
  const summary = api.videoSummary(videoId);
  const series = api.videoSeries(videoId, seriesQuery(p));
  return {
    summary,
    series,
    daily: api.videoDaily(videoId),
    baseline: p.compare === "off" ? undefined : api.videoSeriesBaseline(videoId, baselineQuery(p)),
    stream: { url: `/api/live/videos/${encodeURIComponent(videoId)}${streamQuery(p)}`, panels: { summary, series } },
  };
}
