/**
 * One viewing session: a user swipes through a burst of videos. The whole session is generated
 * when it starts (its views are known up to ~50 minutes ahead) and its events go to the delivery
 * queue, which releases them slice by slice.
 *
 * Watch time. Each play's total watch time is reported once, in the play_start event's payload as
 * `watch_time_ms`: the client sends the play record when the viewer leaves the video, stamped with
 * the moment playback started. A finished play reports the full duration plus any loop the viewer
 * kept watching; an abandoned play reports the part watched, so summing watch_time_ms over
 * play_start counts abandoned views too and never double counts. Every other event carries
 * `watch_time_ms: 0`. Consequence: a play_start is *ready* (can be delivered) only when its play
 * ends, which may be minutes after its event_timestamp; play_finish, like and share are ready at
 * their own event time.
 *
 * Sessions: consecutive events of a session are seconds to a few minutes apart (swipes, viewing,
 * an occasional pause of up to 5 minutes); a session spans at most ~50 minutes. A user's next
 * session starts at least 31 minutes after their previous one's last activity, so a 30-minute
 * inactivity rule (silver's sessionization) recovers the sessions exactly.
 */
import { APP_VERSIONS, DEVICE_MODELS, DEVICE_OS, NETWORKS, VR_HEADSETS } from "./catalog";
import { MINUTE_MS } from "./curves";
import type { Delivery } from "./delivery";
import { finishProbability, likeProbability, MEAN_VIEWS_PER_SESSION, playProbability, shareProbability } from "./funnel";
import type { Rng } from "./rng";
import type { EventType } from "./rows";
import type { WeightTree } from "./sampling";
import { uuidV4 } from "./uuid";
import type { VideoState } from "./video-state";
import type { ViralPlanner } from "./viral";
import type { World } from "./world";

/** No new video is started after this much time into a session. */
export const MAX_SESSION_SPAN_MS = 45 * MINUTE_MS;
/** Minimum time between a user's last activity and their next session (strictly above 30 min). */
export const MIN_SESSION_GAP_MS = 31 * MINUTE_MS;

const PAUSE_SHARE = 0.02;
const LOG_CONTINUE = Math.log(1 - 1 / MEAN_VIEWS_PER_SESSION);

export class TrafficModel {
  /** Last activity of each user (end of their last play), for the gap between sessions. */
  private readonly userLastMs: Float64Array;

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly videos: readonly VideoState[],
    private readonly popularity: WeightTree,
    private readonly viral: ViralPlanner,
    private readonly delivery: Delivery,
    /** Views that start earlier are simulated (warm-up) but not emitted. */
    private readonly emitFromMs: number,
  ) {
    this.userLastMs = new Float64Array(world.users.count).fill(-Infinity);
  }

  /** Whether the user may start a session at t (no session of theirs within the gap). */
  isIdle(user: number, t: number): boolean {
    return t - this.userLastMs[user]! >= MIN_SESSION_GAP_MS;
  }

  /** Draws the video shown at t: base catalog by popularity, or the viral pool by current level. */
  private pickVideo(t: number): VideoState | null {
    const base = this.popularity.total;
    const total = base + this.viral.massAt(t);
    if (!(total > 0)) return null;
    // Rejection keeps ineligible videos (not uploaded yet, banned in the meantime) off screen.
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = this.rng.next() * total;
      const video = r < base ? this.videos[this.popularity.find(r)]! : this.viral.pick(r - base);
      if (video.isLiveAt(t)) return video;
    }
    return null;
  }

  run(startMs: number, user: number, sessionSeq: number): void {
    const rng = this.rng;
    const users = this.world.users;
    const userId = users.ids[user]!;
    const os = DEVICE_OS[users.os[user]!]!;
    const model = DEVICE_MODELS[os].values[users.deviceModel[user]!]!;
    const appVer = APP_VERSIONS.values[users.appVersion[user]!]!;
    const network = NETWORKS.pick(rng); // per session: the user is at home, on the bus, ...
    const vrShare = this.world.config.vrHeadsetShare;
    // A headset is a per-session setup, so the field is on all of a session's events or none.
    const vr = vrShare > 0 && rng.next() < vrShare;
    const prefix = `{"device_model":${JSON.stringify(model)},"network":${JSON.stringify(network)},"app_ver":${JSON.stringify(appVer)},"watch_time_ms":`;
    const suffix = vr ? `,"vr_headset_model":${JSON.stringify(VR_HEADSETS.values[users.vrHeadset[user]!]!)}}` : "}";
    const zeroPayload = `${prefix}0${suffix}`;

    const views = 1 + Math.floor(Math.log(1 - rng.next()) / LOG_CONTINUE);
    const endBy = startMs + MAX_SESSION_SPAN_MS;
    let t = startMs;
    let lastMs = startMs;
    for (let i = 0; i < views && t < endBy; i++) {
      const video = this.pickVideo(t);
      if (video === null) {
        t += 1_000;
        continue;
      }
      const episode = video.viral;
      const level = episode === null ? 0 : episode.levelAt(t);
      const emit = t >= this.emitFromMs;
      const vid = video.videoId;
      if (emit) this.send(vid, userId, "impression", t, zeroPayload, t, sessionSeq);
      lastMs = t;
      if (rng.next() < playProbability(video.playRate, level)) {
        const playAt = t + 150 + rng.int(1_350);
        const duration = video.durationMs;
        const finished = rng.next() < finishProbability(video.finishRate, level);
        let watch: number;
        if (finished) {
          // Short clips loop: some viewers keep watching part of a second run.
          watch = duration;
          if (rng.next() < 0.4 * Math.exp(-(duration - 8_000) / 30_000)) {
            watch += Math.floor(duration * rng.between(0.1, 1));
          }
        } else {
          // Abandonment concentrates in the first seconds.
          watch = Math.max(300, Math.floor(duration * 0.97 * rng.next() ** 1.6));
        }
        const endAt = playAt + watch;
        const liked = rng.next() < likeProbability(finished, level);
        const likeAt = liked ? playAt + Math.floor(watch * rng.between(0.15, 1)) : 0;
        const shared = rng.next() < shareProbability(finished, level);
        const shareAt = shared ? playAt + Math.floor(watch * rng.between(0.5, 1)) : 0;
        if (emit) {
          this.send(vid, userId, "play_start", playAt, prefix + watch + suffix, endAt, sessionSeq);
          if (finished) {
            const finishAt = playAt + duration;
            this.send(vid, userId, "play_finish", finishAt, zeroPayload, finishAt, sessionSeq);
          }
          if (liked) this.send(vid, userId, "like", likeAt, zeroPayload, likeAt, sessionSeq);
          if (shared) this.send(vid, userId, "share", shareAt, zeroPayload, shareAt, sessionSeq);
        }
        lastMs = endAt;
        t = endAt + 200 + rng.int(2_300);
      } else {
        t += 500 + rng.int(3_500);
      }
      if (rng.next() < PAUSE_SHARE) t += 15_000 + rng.int(285_000);
    }
    this.userLastMs[user] = lastMs;
  }

  private send(videoId: string, userId: string, eventType: EventType, eventMs: number, payload: string, readyAtMs: number, sessionSeq: number): void {
    const row = {
      event_id: uuidV4(this.rng),
      event_timestamp: eventMs,
      video_id: videoId,
      user_id: userId,
      event_type: eventType,
      raw_payload: payload,
    };
    this.delivery.send(row, readyAtMs, sessionSeq);
  }
}
