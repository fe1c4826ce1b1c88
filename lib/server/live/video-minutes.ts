import "server-only";
/**
 * Per-video minute logs (minute-source.ts) for the video pages being watched: each spans the
 * 24 h + 2N minutes that rt_video_velocity_24h draws from, so a video's series, velocity and
 * acceleration are brought up to date with the rows of its new batches only. At most MAX_VIDEOS
 * are kept (least recently used go first); a video whose log was dropped is recomputed once.
 */
import { serverConfig } from "../../config/server";
import type { Envelope } from "../../dashboard/envelope";
import { type MinuteLog, videoSeries } from "../../dashboard/minute-log";
import type { VideoMinute } from "../../dashboard/models";
import { MINUTE_MS } from "../../dashboard/param-values";
import { logMeta } from "./log-meta";
import { MinuteSource } from "./minute-source";
import { liveWatcher } from "./versions";
import type { LiveState } from "./watcher";

const MAX_VIDEOS = 200;
const key = Symbol.for("pulse.dashboard.videoMinutes");
type Holder = { [key]?: Map<string, MinuteSource> };

function sourceFor(videoId: string, spanMs: number): MinuteSource {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  const sources = holder[key];
  let s = sources.get(videoId);
  if (s) sources.delete(videoId);
  else s = new MinuteSource(spanMs, videoId);
  sources.set(videoId, s);
  while (sources.size > MAX_VIDEOS) sources.delete(sources.keys().next().value as string);
  return s;
}

/** The video's minute log at the state's committed batch (alert rules on a video read it). */
export async function videoLogAt(videoId: string, state: LiveState): Promise<MinuteLog> {
  const n = serverConfig().PULSE_VELOCITY_WINDOW_MINUTES;
  return (await sourceFor(videoId, (24 * 60 + 2 * n) * MINUTE_MS).at(state)).log;
}

/** video_minute_series.sql's answer from the video's minute log; undefined without a committed state or when Trino fails. */
export async function fromVideoLog(videoId: string, rangeMinutes: number): Promise<Envelope<readonly VideoMinute[]> | undefined> {
  const watcher = liveWatcher();
  const state = watcher.healthy ? watcher.state : undefined;
  const t = state?.rt.watermark;
  if (!state || state.rt.state !== "complete" || t === null || t === undefined) return undefined;
  const n = serverConfig().PULSE_VELOCITY_WINDOW_MINUTES;
  let snap: Awaited<ReturnType<MinuteSource["at"]>>;
  try {
    snap = await sourceFor(videoId, (24 * 60 + 2 * n) * MINUTE_MS).at(state);
  } catch {
    return undefined;
  }
  return {
    data: videoSeries(snap.log, rangeMinutes, n),
    meta: logMeta(snap, state, t),
  };
}
