import "server-only";
/** A video's page as one live view: its summary and its minute series (see pulse-view.ts). */
import type { VideoSeriesQuery } from "../../dashboard/schemas";
import { getVideoSeries } from "../queries/video-series";
import { getVideoSummary } from "../queries/video-summary";
import { liveHub } from "./hub";
import type { LiveView, PanelSource } from "./live-view";

const current = { waitForCurrent: true } as const;

export function videoView(videoId: string, q: VideoSeriesQuery): LiveView {
  return liveHub().view(`video:${JSON.stringify([videoId, q.range])}`, (): PanelSource[] => [
    { name: "summary", kind: "full", load: () => getVideoSummary(videoId, current) },
    { name: "series", kind: "points", load: () => getVideoSeries(videoId, q, current) },
  ]);
}
