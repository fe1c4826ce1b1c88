/**
 * Time-shaped multipliers: the daily traffic cycle, the popularity bonus of fresh uploads and the
 * rise-peak-decay curve of a viral episode.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const TROUGH_HOUR = 4;
const PEAK_HOUR = 20;
const TROUGH_LEVEL = 0.25;

/**
 * Traffic level in [0.25, 1] at a UTC instant: 0.25 at 04:00, 1 at 20:00. Two half-cosines (16 h
 * rising, 8 h falling) meet with zero slope at both ends, so the curve is smooth: no step shows up
 * on a per-minute chart.
 */
export function dailyCycle(ms: number): number {
  const hour = (((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  const sinceTrough = (hour - TROUGH_HOUR + 24) % 24;
  const rise = PEAK_HOUR - TROUGH_HOUR;
  const phase = sinceTrough <= rise ? (1 - Math.cos((Math.PI * sinceTrough) / rise)) / 2 : (1 + Math.cos((Math.PI * (sinceTrough - rise)) / (24 - rise))) / 2;
  return TROUGH_LEVEL + (1 - TROUGH_LEVEL) * phase;
}

/** Mean of dailyCycle over a day (each half-cosine averages 1/2), to turn a daily total into a peak rate. */
export const DAILY_CYCLE_MEAN = TROUGH_LEVEL + (1 - TROUGH_LEVEL) / 2;

const FRESHNESS_HALF_LIFE_MS = 48 * HOUR_MS;
const FRESHNESS_FLOOR = 0.3;
const DISCOVERY_MS = 3 * HOUR_MS;
const DISCOVERY_START = 0.1;

/**
 * Popularity multiplier by video age. A new upload is first shown to a few viewers and reaches its
 * full share over ~3 hours (a ramp, not a step, so its velocity and acceleration look like a real
 * take-off); after that feeds still favour new content, fading the share to 30% of its fresh level
 * over a few days (halving the excess every 48 h).
 */
export function freshness(ageMs: number): number {
  const age = Math.max(0, ageMs);
  const discovery = Math.min(1, DISCOVERY_START + ((1 - DISCOVERY_START) * age) / DISCOVERY_MS);
  return discovery * (FRESHNESS_FLOOR + (1 - FRESHNESS_FLOOR) * 2 ** (-age / FRESHNESS_HALF_LIFE_MS));
}

/**
 * Viral curve: log-normal in the time since onset, 1 at `peakDelayMs`, with log-width sigma. A
 * log-normal rises fast and decays slowly, the way a share cascade does. Sampled once per minute
 * (the resolution of the real-time log) until it falls below 1% of its peak.
 */
export function viralCurve(peakDelayMs: number, sigma: number): Float32Array {
  const lastMs = peakDelayMs * Math.exp(sigma * Math.sqrt(2 * Math.log(100)));
  const minutes = Math.max(1, Math.ceil(lastMs / MINUTE_MS));
  const curve = new Float32Array(minutes);
  for (let m = 0; m < minutes; m++) {
    const x = ((m + 0.5) * MINUTE_MS) / peakDelayMs;
    const ln = Math.log(x);
    curve[m] = Math.exp(-(ln * ln) / (2 * sigma * sigma));
  }
  return curve;
}
