/**
 * What every chart shares: colours per system scheme, the series palette, the plot's fixed margins
 * (48 px of left axis; 56 px of right axis, else 16 px, 36 px under date labels), and the pure
 * helpers behind axes and scales.
 */

export const PALETTE = ["#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2"] as const;
export const paletteColor = (i: number) => PALETTE[i % PALETTE.length]!;

export function chartColors(dark: boolean) {
  return { text: dark ? "#cbd5e1" : "#475569", grid: dark ? "#1e293b" : "#e2e8f0", bar: dark ? "#60a5fa" : "#2563eb" };
}

export const AXIS_FONT = "11px ui-sans-serif, system-ui, sans-serif";
export const LEFT_AXIS_PX = 48;
export const RIGHT_AXIS_PX = 56;
export const RIGHT_PAD_PX = 16;
/** Without a right axis, room for half of a date label centred on the last bucket. */
export const RIGHT_PAD_DATES_PX = 36;

/** Index steps for an x axis of buckets: whole buckets only, then round multiples (hours of minutes, days of hours). */
export const INDEX_STEPS = [1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080];
/** Steps of a count axis: whole numbers only. */
export const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

/**
 * A value range that includes 0 (counts and rates read against a zero baseline), padded 5 % of its
 * span at the ends away from 0; [0, 1] when there is no value at all.
 */
export function zeroBasedRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const pad = (hi - lo) * 0.05;
  return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

/** The x range of `n` buckets at indices 0..n-1; one bucket gets a unit-wide range so it is drawn in the middle. */
export const indexRange = (n: number, min: number, max: number): [number, number] => (n <= 1 ? [-0.5, 0.5] : [min, max]);

/** An axis tick label: 1,234 below ten thousand, then 12.5k, 1.2M; float noise from tick arithmetic rounded away. */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(1)}k`;
  return (+v.toFixed(6)).toLocaleString("en-US");
}

/** The bucket a tick at `split` stands for, or null between buckets or outside the data. */
export function bucketAt(split: number, n: number): number | null {
  return Number.isInteger(split) && split >= 0 && split < n ? split : null;
}
