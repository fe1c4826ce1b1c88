/**
 * URL state of the Pulse page, defined once. The URL holds the whole view (range, zone, filters,
 * refresh period), so every view is a link. From these parsers come the server page's parse
 * (`loadPulseParams`), the client's typed reads and writes (`useQueryStates(pulseParams)`, defaults
 * stripped, shallow), links to the page (`pulseHref`), and each panel's API query string, react-query
 * key and the live stream's URL (`pulseQueries`). zod still validates: page.tsx checks the same URL
 * against the API schemas before anything is drawn, and each API route checks what it receives.
 */
import { createLoader, createSerializer, type inferParserType, parseAsBoolean, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import {
  COMPARE_MODES,
  DEFAULT_COMPARE,
  DEFAULT_RANGE,
  DEFAULT_TRENDING_SORT,
  PULSE_RANGES,
  TRENDING_LIMIT,
  TRENDING_SORTS,
} from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";
import { parseAsText, pickParsers, querySerializer, refreshParser, timeZoneParser } from "@/lib/dashboard/url-parsers";

export const pulseParams = {
  range: parseAsStringLiteral(PULSE_RANGES).withDefault(DEFAULT_RANGE),
  /** Custom range bounds: ISO-8601 instants with a zone (zod checks them). */
  from: parseAsText,
  to: parseAsText,
  tz: timeZoneParser,
  /** The cross-filter: the whole page narrowed to a category and/or a creator (click one in the trending table). */
  category: parseAsText,
  creator: parseAsText,
  sort: parseAsStringLiteral(TRENDING_SORTS).withDefault(DEFAULT_TRENDING_SORT),
  /** The chart's overlay of the same range a day or a week earlier. */
  compare: parseAsStringLiteral(COMPARE_MODES).withDefault(DEFAULT_COMPARE),
  /** The chart bucket clicked (its start, ISO-8601): its top videos are listed under the chart. */
  at: parseAsText,
  /** A pinned link: its custom range was frozen from a preset ("the last hour" as of when it was pinned); the page says so. */
  pinned: parseAsBoolean.withDefault(false),
  refresh: refreshParser,
};
export type PulseParams = inferParserType<typeof pulseParams>;

export const loadPulseParams = createLoader(pulseParams);
/** `pulseHref("/", { tz })`: a link to the page, defaults left out. */
export const pulseHref = createSerializer(pulseParams, { clearOnDefault: true });

const rangeQuery = querySerializer(pulseParams, ["range", "from", "to", "tz", "category", "creator"]);
// The page's table always asks for the same number of rows, written out so the key says so.
const trendingQuery = createSerializer({ ...pickParsers(pulseParams, ["category", "creator", "sort"]), limit: parseAsInteger }, { clearOnDefault: true });
const streamQuery = querySerializer(pulseParams, ["range", "from", "to", "tz", "category", "creator", "sort"]);
const baselineQuery = querySerializer(pulseParams, ["range", "from", "to", "tz", "category", "creator", "compare"]);

/** The page's panels as API routes (key + fetcher), and its live stream (panel name -> the key it writes). */
export function pulseQueries(p: PulseParams) {
  const range = rangeQuery(p);
  const panels = {
    series: api.pulseSeries(range),
    kpis: api.pulseKpis(range),
    trending: api.trending(trendingQuery({ category: p.category, creator: p.creator, sort: p.sort, limit: TRENDING_LIMIT })),
    retention: api.platformRetention(),
  };
  // The overlay is not a live panel: it is fetched again when the series' watermark moves (panels.tsx).
  const baseline = p.compare === "off" ? undefined : api.pulseSeriesBaseline(baselineQuery(p));
  return { ...panels, baseline, stream: { url: `/api/live/pulse${streamQuery(p)}`, panels } };
}
