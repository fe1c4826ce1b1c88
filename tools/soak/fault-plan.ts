/**
 * When the chaos soak strikes, and what: `count` faults over the run after a warm-up, each kind
 * equally often in a shuffled order, at gaps drawn around the mean so the moments are random (a
 * fault may land during a micro-batch, an ingest commit or a daily job alike). The soak runs them
 * one after another: a fault whose moment comes while the previous one is still recovering waits.
 */
import { Rng } from "../../lib/pipeline/simulator/rng";

export const FAULT_KINDS = ["trino", "postgres", "kafka", "dashboard", "main"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface PlannedFault {
  /** Milliseconds after the soak's start. */
  readonly atMs: number;
  readonly kind: FaultKind;
}

export interface FaultPlanOptions {
  readonly durationMs: number;
  readonly count: number;
  /** No fault before this (the pipeline and viewers settle first). */
  readonly warmupMs: number;
  /** Quiet time kept at the end, for the last fault to recover before the checks. */
  readonly tailMs: number;
  readonly seed: number;
}

export function planFaults(o: FaultPlanOptions): PlannedFault[] {
  const rng = new Rng(o.seed, "soak-faults");
  const kinds: FaultKind[] = [];
  while (kinds.length < o.count) {
    const round = [...FAULT_KINDS];
    for (let i = round.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [round[i], round[j]] = [round[j] as FaultKind, round[i] as FaultKind];
    }
    kinds.push(...round.slice(0, o.count - kinds.length));
  }
  const span = o.durationMs - o.warmupMs - o.tailMs;
  if (span <= 0 || o.count < 1) return [];
  const gap = span / o.count;
  // One fault per slot of the span, at a random point of its slot: random moments, never two at once.
  return kinds.map((kind, i) => ({ atMs: Math.round(o.warmupMs + gap * i + rng.between(0.1, 0.9) * gap), kind }));
}
