/** URL state of a video page: `range` (1h | 6h | 24h of its minute series), `tz`, `refresh`. */
import type { Params } from "@/lib/dashboard/query-keys";

export const videoSeriesParams = (raw: Params): Params => (raw.range ? { range: raw.range } : {});
