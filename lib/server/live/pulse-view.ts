import "server-only";
/**
 * The Pulse page as one live view: its chart, KPI tiles, trending table and retention tile at one
 * set of URL parameters. The stream route and the polling routes read the same view, so however
 * many browsers watch, each commit costs the same few statements.
 */
import type { PulseRangeQuery, TrendingQuery } from "../../dashboard/schemas";
import { getPlatformRetentionLatest } from "../queries/platform-retention-latest";
import { getPulseKpis } from "../queries/pulse-kpis";
import { getPulseSeries } from "../queries/pulse-series";
import { getTrending } from "../queries/trending";
import { liveHub } from "./hub";
import type { LiveView, PanelSource } from "./live-view";

const current = { waitForCurrent: true } as const;

export function pulseView(range: PulseRangeQuery, trending: TrendingQuery): LiveView {
  const key = `pulse:${JSON.stringify([range.range, range.tz, range.segment ?? null, trending.category ?? null, trending.creator ?? null, trending.sort, trending.limit])}`;
  return liveHub().view(key, (): PanelSource[] => [
    { name: "series", kind: "points", load: () => getPulseSeries(range, current) },
    { name: "kpis", kind: "full", load: () => getPulseKpis(range, current) },
    { name: "trending", kind: "full", load: () => getTrending(trending, current) },
    { name: "retention", kind: "full", load: () => getPlatformRetentionLatest(current) },
  ]);
}
