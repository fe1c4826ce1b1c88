/**
 * The checkpoints of the Kafka consumers (the events ingest and the two CDC topics) in
 * meta.ingest_checkpoints, one job per topic ('kafka:<topic>'): a batch's offset ranges are its detail,
 * 'started' before its writes and 'committed' after them. Written every few seconds, so with the
 * frequent-write session (no extended statistics on write; lib/pipeline/job-sql.ts).
 */
import type { TrinoConnection } from "../../trino/client";
import { frequentWriteSession, runJob } from "../job-sql";
import { type OffsetRange, rangesDetail } from "./ingest-plan";

export interface Checkpoint {
  readonly batch_id: number;
  readonly committed: boolean;
  readonly detail: string | null;
}

/** The job's newest batch, committed or not; undefined before its first. */
export async function latestCheckpoint(conn: TrinoConnection, job: string): Promise<Checkpoint | undefined> {
  return (await runJob<Checkpoint>(conn, "kafka_checkpoint_latest", { job })).rows[0];
}

export interface CheckpointEntry {
  readonly job: string;
  readonly batchId: number;
  readonly state: "started" | "committed";
  readonly ranges: readonly OffsetRange[];
  /** Rows the batch wrote and records it set aside; null while it is only started. */
  readonly rows: number | null;
  readonly deadLetters: number | null;
}

export async function recordCheckpoint(conn: TrinoConnection, e: CheckpointEntry): Promise<void> {
  await runJob(
    conn,
    "kafka_checkpoint_record",
    { job: e.job, batch_id: e.batchId, state: e.state, rows_written: e.rows, dead_letters: e.deadLetters, detail: rangesDetail(e.ranges) },
    { session: frequentWriteSession(conn) },
  );
}
