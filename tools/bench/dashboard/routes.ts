/**
 * The API requests the Pulse page polls, built the way the page builds them: its URL-state pickers
 * (app/(pulse)/search-params.ts) over an empty URL, i.e. the page's defaults, through the
 * react-query key factory (lib/dashboard/query-keys.ts). So the simulated viewers ask for exactly
 * the URLs, and hit exactly the server cache entries, that a browser on `/` does.
 */
import { pulseRangeParams, pulseTrendingParams } from "../../../app/(pulse)/search-params";
import { api, type Params, toQueryString } from "../../../lib/dashboard/query-keys";

/** A viewer who opened `/`: no URL parameters. */
const PAGE_URL: Params = {};

const urlOf = (route: { readonly queryKey: readonly [string, Params] }) => `${route.queryKey[0]}${toQueryString(route.queryKey[1])}`;

export const PULSE_ROUTES = [
  { name: "series", path: urlOf(api.pulseSeries(pulseRangeParams(PAGE_URL))) },
  { name: "kpis", path: urlOf(api.pulseKpis(pulseRangeParams(PAGE_URL))) },
  { name: "trending", path: urlOf(api.trending(pulseTrendingParams(PAGE_URL))) },
] as const;

export type PulseRoute = (typeof PULSE_ROUTES)[number];
export type RouteName = PulseRoute["name"];
