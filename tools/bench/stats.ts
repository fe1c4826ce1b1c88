/** Summary statistics for benchmark samples. Empty input gives NaN, which the printers show as "n/a". */

export function sortedAsc(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** The middle value, or the mean of the two middle values for an even count. */
export function median(xs: readonly number[]): number {
  const s = sortedAsc(xs);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/**
 * Nearest-rank percentile (the smallest sample with at least p % of the samples at or below it):
 * always an observed latency, never an interpolation between two. Sorts a copy of `xs`.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100 (got ${p})`);
  const s = sortedAsc(xs);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

/** Largest sample, NaN for none (Math.max gives -Infinity, and overflows the stack on huge arrays). */
export function maximum(xs: readonly number[]): number {
  let max = NaN;
  for (const x of xs) if (!(x <= max)) max = x;
  return max;
}
