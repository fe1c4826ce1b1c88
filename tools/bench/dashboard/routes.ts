/**
 * The API requests the Pulse page polls, built the way the page builds them: its URL state
 * (app/(pulse)/search-params.ts) parsed from an empty URL, i.e. the page's defaults, through the
 * same query factory as the page's panels. So the simulated viewers ask for exactly the URLs, and
 * hit exactly the server cache entries, that a browser on `/` does.
 */
import { loadPulseParams, pulseQueries } from "../../../app/(pulse)/search-params";

/** A viewer who opened `/`: no URL parameters. */
const q = pulseQueries(loadPulseParams(""));

const urlOf = (route: { readonly queryKey: readonly [string, string] }) => `${route.queryKey[0]}${route.queryKey[1]}`;

export const PULSE_ROUTES = [
  { name: "series", path: urlOf(q.series) },
  { name: "kpis", path: urlOf(q.kpis) },
  { name: "trending", path: urlOf(q.trending) },
] as const;

export type PulseRoute = (typeof PULSE_ROUTES)[number];
export type RouteName = PulseRoute["name"];
