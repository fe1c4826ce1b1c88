/**
 * URL state of the Pulse page. The URL holds everything (range, zone, filters, refresh period), so
 * every view is a link; these pickers give each API route exactly the parameters it reads, on the
 * server (prefetch) and in the browser (polling) alike, so both use the same react-query keys.
 */
import type { Params } from "@/lib/dashboard/query-keys";
import { pickParams } from "@/lib/dashboard/raw-params";

export const TRENDING_LIMIT = "25";

export const pulseRangeParams = (raw: Params) => pickParams(raw, ["range", "from", "to", "tz"]);
export const pulseTrendingParams = (raw: Params) => ({ ...pickParams(raw, ["category", "sort"]), limit: TRENDING_LIMIT });
