/**
 * Weighted sampling structures, chosen per access pattern:
 * - WeightedList: a handful of labelled options (countries, networks), linear scan is fastest.
 * - AliasTable: a large, fixed weight vector (which user opens a session), O(1) per draw.
 * - WeightTree: a large vector whose weights change during the run (video popularity: uploads,
 *   bans, freshness rebuilt every 10 minutes), O(log n) per draw and per update.
 */
import type { Rng } from "./rng";

export class WeightedList<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error("WeightedList needs at least one entry");
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
  }

  /** Index of the drawn entry. */
  pickIndex(rng: Rng): number {
    const cumulative = this.cumulative;
    const r = rng.next() * cumulative[cumulative.length - 1]!;
    for (let i = 0; i < cumulative.length - 1; i++) if (r < cumulative[i]!) return i;
    return cumulative.length - 1;
  }

  pick(rng: Rng): T {
    return this.values[this.pickIndex(rng)]!;
  }
}

/** Vose's alias method. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error("AliasTable needs at least one weight");
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i]!;
    if (!(sum > 0)) throw new Error("AliasTable needs a positive total weight");
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / sum;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large[large.length - 1]!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) {
        large.pop();
        small.push(l);
      }
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1; // leftovers of rounding error
  }

  pick(rng: Rng): number {
    const x = rng.next() * this.prob.length;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/** Fenwick tree over non-negative weights; grows as items are appended. */
export class WeightTree {
  private values: Float64Array;
  private tree: Float64Array;
  private capacity: number;
  private topBit: number;
  private count = 0;
  private sum = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.values = new Float64Array(this.capacity);
    this.tree = new Float64Array(this.capacity + 1);
    this.topBit = highestPowerOfTwo(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  get total(): number {
    return this.sum;
  }

  weight(index: number): number {
    return this.values[index]!;
  }

  set(index: number, weight: number): void {
    if (index >= this.count) {
      if (index >= this.capacity) this.grow(index + 1);
      this.count = index + 1;
    }
    const delta = weight - this.values[index]!;
    if (delta === 0) return;
    this.values[index] = weight;
    this.sum += delta;
    for (let i = index + 1; i <= this.capacity; i += i & -i) this.tree[i] = this.tree[i]! + delta;
  }

  /** Replaces every weight at once in O(n); also clears the float drift of incremental updates. */
  rebuild(weights: ArrayLike<number>): void {
    if (weights.length > this.capacity) this.grow(weights.length);
    this.values.fill(0);
    this.tree.fill(0);
    this.count = weights.length;
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      this.values[i] = weights[i]!;
      this.tree[i + 1] = weights[i]!;
      sum += weights[i]!;
    }
    for (let i = 1; i <= this.capacity; i++) {
      const parent = i + (i & -i);
      if (parent <= this.capacity) this.tree[parent] = this.tree[parent]! + this.tree[i]!;
    }
    this.sum = sum;
  }

  /** Index whose cumulative range contains r, for r in [0, total). */
  find(offset: number): number {
    let r = offset;
    let pos = 0;
    const tree = this.tree;
    for (let step = this.topBit; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.capacity && tree[next]! <= r) {
        pos = next;
        r -= tree[next]!;
      }
    }
    // Float drift can push r past the last item; the caller rejects ineligible picks anyway.
    return pos < this.count ? pos : this.count - 1;
  }

  private grow(minCapacity: number): void {
    let capacity = this.capacity;
    while (capacity < minCapacity) capacity *= 2;
    const old = this.values.subarray(0, this.count);
    this.capacity = capacity;
    this.topBit = highestPowerOfTwo(capacity);
    const values = Float64Array.from(old);
    this.values = new Float64Array(capacity);
    this.tree = new Float64Array(capacity + 1);
    this.rebuild(values);
  }
}

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}
