/**
 * Viral episodes: a video suddenly gets an extra, time-varying share of all impressions (and
 * converts better while it lasts), following a rise-peak-decay curve over hours.
 *
 * Episodes are planned ahead (their own PRNG stream, in onset order) and live outside the
 * popularity tree: an impression first decides "base catalog or viral pool" with the pool's
 * current mass, so the pool follows its curve minute by minute while the tree is rebuilt only
 * every 10 minutes.
 */
import { HOUR_MS, MINUTE_MS, viralCurve } from "./curves";
import type { Rng } from "./rng";
import type { VideoState } from "./video-state";

export class ViralEpisode {
  readonly endMs: number;

  constructor(
    readonly video: VideoState,
    readonly onsetMs: number,
    /** Popularity weight added at the peak (curve level 1). */
    readonly peakWeight: number,
    private readonly curve: Float32Array,
  ) {
    this.endMs = onsetMs + curve.length * MINUTE_MS;
  }

  /** Curve level in [0, 1] at instant t; 0 outside the episode. */
  levelAt(t: number): number {
    if (t < this.onsetMs || t >= this.endMs) return 0;
    return this.curve[((t - this.onsetMs) / 60_000) | 0]!; // one sample per minute (viralCurve)
  }
}

/** Fresh uploads are likelier to take off: most episodes pick a video from the last two days. */
const FRESH_PICK_SHARE = 0.6;
const FRESH_WINDOW_MS = 48 * HOUR_MS;

export class ViralPlanner {
  /** Planned episodes not yet over, in onset order. */
  private readonly active: ViralEpisode[] = [];
  private weights = new Float64Array(64);
  private nextOnsetMs: number;
  private readonly meanGapMs: number;

  constructor(
    private readonly rng: Rng,
    private readonly videos: readonly VideoState[],
    episodesPerDay: number,
    private readonly referenceMass: number,
    fromMs: number,
  ) {
    this.meanGapMs = episodesPerDay > 0 ? 86_400_000 / episodesPerDay : Infinity;
    this.nextOnsetMs = fromMs + this.gap();
  }

  /** Plans every episode with onset <= ms. */
  planThrough(ms: number): void {
    while (this.nextOnsetMs <= ms) {
      const onset = Math.floor(this.nextOnsetMs);
      this.planOne(onset);
      this.nextOnsetMs += this.gap();
    }
  }

  /** Drops episodes over before `ms`; callers promise never to ask about earlier instants again. */
  prune(ms: number): void {
    let kept = 0;
    for (const e of this.active) if (e.endMs > ms) this.active[kept++] = e;
    this.active.length = kept;
  }

  /** Total viral weight at t; also remembers each episode's share for `pick`. */
  massAt(t: number): number {
    const active = this.active;
    if (active.length > this.weights.length) this.weights = new Float64Array(active.length * 2);
    let sum = 0;
    for (let i = 0; i < active.length; i++) {
      const e = active[i]!;
      const w = e.peakWeight * e.levelAt(t);
      this.weights[i] = w;
      sum += w;
    }
    return sum;
  }

  /** The video at offset r in [0, massAt(t)) of the last massAt call. */
  pick(r: number): VideoState {
    const active = this.active;
    let left = r;
    let last = 0;
    for (let i = 0; i < active.length; i++) {
      const w = this.weights[i]!;
      if (w <= 0) continue;
      last = i;
      if (left < w) return active[i]!.video;
      left -= w;
    }
    return active[last]!.video;
  }

  private gap(): number {
    return this.meanGapMs === Infinity ? Infinity : this.rng.exponential(this.meanGapMs);
  }

  private planOne(onset: number): void {
    const rng = this.rng;
    const uploadedBy = upperBound(this.videos, onset);
    if (uploadedBy === 0) return;
    const freshFrom = upperBound(this.videos, onset - FRESH_WINDOW_MS);
    const fresh = rng.next() < FRESH_PICK_SHARE && freshFrom < uploadedBy;
    const from = fresh ? freshFrom : 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const video = this.videos[from + rng.int(uploadedBy - from)]!;
      if (video.bannedAtMs <= onset) continue;
      if (video.viral !== null && video.viral.endMs > onset) continue;
      const peakDelayMs = clamp(3 * HOUR_MS * Math.exp(0.5 * rng.normal()), 45 * MINUTE_MS, 12 * HOUR_MS);
      const sigma = rng.between(0.35, 0.7);
      const peakShare = clamp(0.02 * Math.exp(0.6 * rng.normal()), 0.004, 0.12);
      const episode = new ViralEpisode(video, onset, peakShare * this.referenceMass, viralCurve(peakDelayMs, sigma));
      video.viral = episode;
      this.active.push(episode);
      return;
    }
  }
}

/** Number of videos uploaded at or before ms (the list is in upload order). */
function upperBound(videos: readonly VideoState[], ms: number): number {
  let lo = 0;
  let hi = videos.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (videos[mid]!.uploadMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
