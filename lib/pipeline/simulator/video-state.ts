/**
 * A video as one Simulation sees it. Planners write the *future* into it ahead of time (bannedAtMs,
 * the viral episode) so that a session generated now, whose views run up to an hour ahead, already
 * respects a ban or an upload that happens during that hour.
 */
import type { Category } from "./catalog";
import type { DimVideoRow } from "./rows";
import type { ViralEpisode } from "./viral";
import type { WorldVideo } from "./world";

export class VideoState {
  /** The episode most recently planned for this video, if any. */
  viral: ViralEpisode | null = null;

  constructor(
    readonly index: number,
    readonly videoId: string,
    readonly creatorId: string,
    /** Latest planned category (its change record carries the time). */
    public category: Category,
    public hashtags: readonly string[],
    readonly durationMs: number,
    readonly uploadMs: number,
    /** Infinity while no ban is planned. */
    public bannedAtMs: number,
    readonly popularity: number,
    readonly playRate: number,
    readonly finishRate: number,
  ) {}

  static fromWorld(v: WorldVideo): VideoState {
    return new VideoState(
      v.index,
      v.videoId,
      v.creatorId,
      v.category,
      v.hashtags,
      v.durationMs,
      v.uploadMs,
      v.bannedAtMs,
      v.popularity,
      v.playRate,
      v.finishRate,
    );
  }

  /** Can this video be shown at instant t? */
  isLiveAt(t: number): boolean {
    return this.uploadMs <= t && t < this.bannedAtMs;
  }

  rowAt(t: number): DimVideoRow {
    return videoRow(this, t);
  }
}

export function videoRow(
  v: Pick<WorldVideo, "videoId" | "creatorId" | "category" | "hashtags" | "durationMs" | "uploadMs" | "bannedAtMs">,
  asOfMs: number,
): DimVideoRow {
  return {
    video_id: v.videoId,
    creator_id: v.creatorId,
    category: v.category,
    hashtags: [...v.hashtags],
    duration_ms: v.durationMs,
    upload_time: v.uploadMs,
    status: v.bannedAtMs <= asOfMs ? "banned" : "active",
  };
}
