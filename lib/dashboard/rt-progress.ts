/**
 * Where the real-time log stands, shared by the server (which reads it from Trino) and the panels
 * (which say it). Until the micro-batch has committed its first checkpoint no minute is closed and
 * processed, so nothing may claim "complete through": the honest statement is that history is
 * still loading, with the seed's progress when a seed is running.
 */

/** The newest running seed: whole days of history written to Bronze, of the days it loads. */
export interface SeedProgress {
  readonly daysDone: number;
  readonly daysTotal: number;
}

/** "loading": no micro-batch has committed yet. "complete": the RT watermark is real. */
export type RtState = "loading" | "complete";

/** Present in a panel's meta while the RT log is loading (its watermark is then null). */
export interface RtLoading {
  /** The seed's progress, or null when no seed is running (e.g. an empty lakehouse, pipeline not started). */
  readonly seed: SeedProgress | null;
}

/** The label and the panel body of the loading state: "loading history: 3 of 8 days" or "waiting for the first micro-batch". */
export function rtLoadingText(seed: SeedProgress | null): string {
  if (seed === null) return "waiting for the first micro-batch";
  return `loading history: ${seed.daysDone} of ${seed.daysTotal} ${seed.daysTotal === 1 ? "day" : "days"}`;
}
