/**
 * The simulated platform behind the demo: one deterministic world whose traffic is replayed from
 * `days` UTC midnights ago, and the mapping from its rows to Bronze events and CDC changes.
 */
import type { BronzeEvent } from "../bronze/event";
import type { UserChange, VideoChange } from "../dims/cdc";
import {
  createSimulation,
  createWorld,
  type DimChange,
  type DimUserRow,
  type DimVideoRow,
  initialDimensions,
  parseSimulatorConfig,
  type SimEvent,
  type Simulation,
  type SimulatorConfigInput,
} from "../simulator";

export const DAY_MS = 86_400_000;

/** Demo scale: the seed's minimum catalog and audience; ~4 million events over 8 days. */
export const DEFAULT_SCALE = { videos: 2_000, users: 50_000, eventsPerDay: 500_000, days: 8, seed: 42 } as const;
/** Share of events whose payload carries the newer vr_headset_model field (schema evolution, sql/ddl/310). */
export const VR_HEADSET_SHARE = 0.01;

export const utcMidnight = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export function startSimulation(config: SimulatorConfigInput): Simulation {
  return createSimulation(createWorld(parseSimulatorConfig({ vrHeadsetShare: VR_HEADSET_SHARE, ...config })));
}

export const toBronze = (e: SimEvent): BronzeEvent => e.row;

export function videoChange(row: DimVideoRow, changedMs: number): VideoChange {
  return {
    video_id: row.video_id,
    creator_id: row.creator_id,
    category: row.category,
    hashtags: row.hashtags,
    duration_ms: row.duration_ms,
    upload_ms: row.upload_time,
    status: row.status,
    changed_ms: changedMs,
  };
}

export function userChange(row: DimUserRow, changedMs: number): UserChange {
  return {
    user_id: row.user_id,
    register_country: row.register_country,
    device_os: row.device_os,
    is_creator: row.is_creator,
    ltv_segment: row.ltv_segment,
    join_ms: row.join_at,
    changed_ms: changedMs,
  };
}

/** The dims as of the start; each row is valid from its upload/join time (never after the start). */
export function initialChanges(sim: Simulation): { videos: VideoChange[]; users: UserChange[] } {
  const dims = initialDimensions(sim.world);
  return {
    videos: dims.videos.map((v) => videoChange(v, Math.min(v.upload_time, dims.asOfMs))),
    users: dims.users.map((u) => userChange(u, Math.min(u.join_at, dims.asOfMs))),
  };
}

export function splitChanges(changes: readonly DimChange[]): { videos: VideoChange[]; users: UserChange[] } {
  const videos: VideoChange[] = [];
  const users: UserChange[] = [];
  for (const c of changes) {
    if (c.kind === "video") videos.push(videoChange(c.row, c.changedAtMs));
    else users.push(userChange(c.row, c.changedAtMs));
  }
  return { videos, users };
}
