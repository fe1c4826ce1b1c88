/**
 * "Why it ranks": a trending row's reasons, from numbers the row already carries. Pure; unit-tested.
 *   sparkline   plays of the last 60 closed minutes, oldest first: spark_ago (minutes before T) and
 *               spark_plays from pulse_trending.sql made dense (a minute without a row is 0)
 *   baseline z  (velocity - mean) / sd, mean and population sd of the per-minute plays of the
 *               60 - N minutes before the velocity window (the sparkline's first 60 - N points):
 *               how unusual the current pace is for this video; null when sd = 0
 *   freshness   2^(-age_hours / 48), the trending score's discount (rt_trending's formula)
 */
export const SPARKLINE_MINUTES = 60;

export function denseSparkline(ago: readonly number[], plays: readonly number[]): number[] {
  const out = new Array<number>(SPARKLINE_MINUTES).fill(0);
  ago.forEach((a, i) => {
    if (a >= 1 && a <= SPARKLINE_MINUTES) out[SPARKLINE_MINUTES - a] = plays[i] ?? 0;
  });
  return out;
}

export function baselineZ(sparkline: readonly number[], velocity: number, windowMinutes: number): number | null {
  const before = sparkline.slice(0, Math.max(0, sparkline.length - windowMinutes));
  if (before.length < 2) return null;
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  const sd = Math.sqrt(before.reduce((a, x) => a + (x - mean) ** 2, 0) / before.length);
  return sd === 0 ? null : (velocity - mean) / sd;
}

export const freshness = (ageHours: number | null): number | null => (ageHours === null ? null : 2 ** (-ageHours / 48));
