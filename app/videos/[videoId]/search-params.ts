/** URL state of a video page: `range` (1h | 6h | 24h of its minute series), `tz`, `refresh`. */
import type { Params } from "@/lib/dashboard/query-keys";
import { pickParams } from "@/lib/dashboard/raw-params";

export const videoSeriesParams = (raw: Params): Params => pickParams(raw, ["range"]);
