/**
 * Dimension changes during the run (the CDC feed): uploads, category changes, bans, LTV segment
 * moves. One Poisson process per kind, merged, drawn from the "dims" PRNG stream in time order.
 *
 * Changes are planned ahead of their time (the Simulation keeps the plan an hour or two ahead of
 * the traffic) and each record carries the full row as of its change time. Because planning runs
 * in time order, the planner's state when it plans a change at X is exactly the state as of X.
 */
import { CATEGORIES, type Category, COUNTRIES, DEVICE_OS, LTV_HIGH, LTV_LOW, LTV_SEGMENTS, LTV_VIP } from "./catalog";
import { MAX_VIDEOS } from "./config";
import { HOUR_MS } from "./curves";
import type { Rng } from "./rng";
import type { DimChange, DimUserRow } from "./rows";
import { VideoState } from "./video-state";
import { drawHashtags, drawVideoTraits, videoId, type World, zipfWeight } from "./world";

export interface PlannedChange {
  readonly change: DimChange;
  /** The video whose popularity weight the change affects (upload, ban). */
  readonly video: VideoState | null;
}

type Kind = "upload" | "category" | "ban" | "ltv";

export function userRow(world: World, index: number, ltv: number): DimUserRow {
  const users = world.users;
  return {
    user_id: users.ids[index]!,
    register_country: COUNTRIES.values[users.country[index]!]!,
    device_os: DEVICE_OS[users.os[index]!]!,
    is_creator: users.creator[index] === 1,
    ltv_segment: LTV_SEGMENTS[ltv]!,
    join_at: users.joinAtMs[index]!,
  };
}

export class ChangePlanner {
  private readonly queue: PlannedChange[] = [];
  private head = 0;
  private nextAtMs: number;
  private readonly meanGapMs: number;
  private readonly kinds: readonly (readonly [Kind, number])[];
  private readonly totalRate: number;
  /** Planned segments (the world's are the initial ones). */
  private readonly ltv: Uint8Array;

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly videos: VideoState[],
    fromMs: number,
  ) {
    const c = world.config;
    this.kinds = [
      ["upload", c.uploadsPerHour],
      ["category", c.categoryChangesPerHour],
      ["ban", c.bansPerHour],
      ["ltv", c.ltvChangesPerHour],
    ];
    this.totalRate = this.kinds.reduce((sum, [, rate]) => sum + rate, 0);
    this.meanGapMs = this.totalRate > 0 ? HOUR_MS / this.totalRate : Infinity;
    this.ltv = world.users.ltv.slice();
    this.nextAtMs = fromMs + this.gap();
  }

  /** Plans every change at or before ms. */
  planThrough(ms: number): void {
    while (this.nextAtMs <= ms) {
      this.planOne(Math.floor(this.nextAtMs));
      this.nextAtMs += this.gap();
    }
  }

  peek(): PlannedChange | undefined {
    return this.queue[this.head];
  }

  shift(): PlannedChange | undefined {
    const next = this.queue[this.head];
    if (next === undefined) return undefined;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return next;
  }

  private gap(): number {
    return this.meanGapMs === Infinity ? Infinity : this.rng.exponential(this.meanGapMs);
  }

  private planOne(at: number): void {
    let r = this.rng.next() * this.totalRate;
    let kind: Kind = "ltv";
    for (const [k, rate] of this.kinds) {
      if (r < rate) {
        kind = k;
        break;
      }
      r -= rate;
    }
    const planned =
      kind === "upload" ? this.planUpload(at) : kind === "category" ? this.planCategory(at) : kind === "ban" ? this.planBan(at) : this.planLtv(at);
    if (planned !== null) this.queue.push(planned);
  }

  private planUpload(at: number): PlannedChange | null {
    const index = this.videos.length;
    if (index >= MAX_VIDEOS) return null;
    const rng = this.rng;
    const traits = drawVideoTraits(rng);
    const w = this.world;
    const creatorId = w.users.ids[w.creators[w.creatorPicker.pick(rng)]!]!;
    // A new upload lands at a random place of the popularity law (most are small).
    const rank = 1 + rng.int(w.config.videos);
    const video = new VideoState(
      index,
      videoId(index),
      creatorId,
      traits.category,
      traits.hashtags,
      traits.durationMs,
      at,
      Infinity,
      zipfWeight(rank, w.config.zipfExponent),
      traits.playRate,
      traits.finishRate,
    );
    this.videos.push(video);
    return { change: { kind: "video", reason: "upload", changedAtMs: at, row: video.rowAt(at) }, video };
  }

  /** A random video live at `at`, or null after a few misses (all banned, nothing uploaded yet). */
  private liveVideo(at: number): VideoState | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      const v = this.videos[this.rng.int(this.videos.length)]!;
      if (v.isLiveAt(at)) return v;
    }
    return null;
  }

  private planCategory(at: number): PlannedChange | null {
    const video = this.liveVideo(at);
    if (video === null) return null;
    let category: Category = video.category;
    while (category === video.category) category = CATEGORIES[this.rng.int(CATEGORIES.length)]!;
    // Re-categorised videos get re-tagged too: the old tags describe the old category.
    video.category = category;
    video.hashtags = drawHashtags(this.rng, category);
    return { change: { kind: "video", reason: "category", changedAtMs: at, row: video.rowAt(at) }, video: null };
  }

  /** Reported content is seen content: of three random candidates the most popular is banned. */
  private planBan(at: number): PlannedChange | null {
    let target: VideoState | null = null;
    for (let i = 0; i < 3; i++) {
      const v = this.liveVideo(at);
      if (v !== null && (target === null || v.popularity > target.popularity)) target = v;
    }
    if (target === null) return null;
    target.bannedAtMs = at;
    return { change: { kind: "video", reason: "ban", changedAtMs: at, row: target.rowAt(at) }, video: target };
  }

  /** Segments move one step at a time; promotions and demotions roughly balance. */
  private planLtv(at: number): PlannedChange | null {
    const index = this.rng.int(this.world.users.count);
    const current = this.ltv[index]!;
    const next = current === LTV_LOW ? LTV_HIGH : current === LTV_VIP ? LTV_HIGH : this.rng.next() < 0.5 ? LTV_VIP : LTV_LOW;
    this.ltv[index] = next;
    return { change: { kind: "user", reason: "ltv_segment", changedAtMs: at, row: userRow(this.world, index, next) }, video: null };
  }
}
