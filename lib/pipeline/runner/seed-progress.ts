/**
 * The seed's progress, kept in the lakehouse (meta.job_checkpoints, job 'seed') rather than in this
 * process: the dashboard is another process, and may be the only one attached to the Trino it reads.
 * meta.seed_progress turns these rows into "days done of days total" for its loading state.
 */
import { sqlInstant } from "../../trino/bind";
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";

export interface SeedRun {
  /** The run's start, epoch ms: every row of one run shares it, and the newest run wins. */
  readonly runId: number;
  /** History starts at this UTC midnight... */
  readonly historyFromMs: number;
  /** ...and ends here (the wall clock when the seed started, by default). */
  readonly historyUntilMs: number;
}

/** Appends one row: Bronze holds the history up to writtenThroughMs; "committed" once the whole seed is done. */
export async function recordSeedProgress(
  conn: TrinoConnection,
  run: SeedRun,
  writtenThroughMs: number,
  events: number,
  state: "started" | "committed",
): Promise<void> {
  await runJob(conn, "seed_progress_record", {
    run_id: run.runId,
    state,
    history_from: sqlInstant(new Date(run.historyFromMs)),
    history_until: sqlInstant(new Date(run.historyUntilMs)),
    written_through: sqlInstant(new Date(writtenThroughMs)),
    events,
    detail: state === "committed" ? "seed done" : "history written to Bronze",
  });
}
