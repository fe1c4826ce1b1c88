/**
 * Conversion rates of the viewing funnel: impression -> play_start -> play_finish, with like and
 * share as side branches of a play. Rates are split by finished / abandoned because people who
 * watch to the end engage more; the splits average to ~6% likes and ~1.5% shares per play at the
 * catalog's typical ~60-65% completion (viral videos add a little).
 */

/** Videos shown per session: 1 + geometric, mean 12 (a few minutes of swiping). */
export const MEAN_VIEWS_PER_SESSION = 12;

const LIKE_FINISHED = 0.075;
const LIKE_ABANDONED = 0.025;
const SHARE_FINISHED = 0.019;
const SHARE_ABANDONED = 0.005;

/** A viral video converts better: up to this much more play rate at the peak (towards 93%). */
const VIRAL_PLAY_LIFT = 0.6;
const VIRAL_FINISH_LIFT = 0.3;

export function playProbability(playRate: number, viral: number): number {
  return playRate + (0.93 - playRate) * VIRAL_PLAY_LIFT * viral;
}

export function finishProbability(finishRate: number, viral: number): number {
  return finishRate + (0.95 - finishRate) * VIRAL_FINISH_LIFT * viral;
}

export function likeProbability(finished: boolean, viral: number): number {
  return (finished ? LIKE_FINISHED : LIKE_ABANDONED) * (1 + viral);
}

/** Shares are what makes a video viral in the first place, so the lift is larger than for likes. */
export function shareProbability(finished: boolean, viral: number): number {
  return (finished ? SHARE_FINISHED : SHARE_ABANDONED) * (1 + 1.5 * viral);
}

/** Mean events emitted per impression of a non-viral video (used to turn events/day into sessions/day). */
export function expectedEventsPerView(playRate: number, finishRate: number): number {
  const like = finishRate * LIKE_FINISHED + (1 - finishRate) * LIKE_ABANDONED;
  const share = finishRate * SHARE_FINISHED + (1 - finishRate) * SHARE_ABANDONED;
  return 1 + playRate * (1 + finishRate + like + share);
}
