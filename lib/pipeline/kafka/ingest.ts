/**
 * The Kafka ingest: topic pulse.events into lakehouse.bronze.raw_events, exactly once, with no
 * row data in SQL text. Trino reads each batch's offset ranges itself through its Kafka connector
 * (sql/jobs/kafka_events_*.sql over view bronze.kafka_events_checked); this code only decides the
 * ranges and keeps the checkpoint, with the micro-batch's discipline (meta.ingest_checkpoints, job
 * 'kafka:pulse.events'):
 *   1. 'started' with the batch's ranges (per partition, from the last committed batch's end to the
 *      partition's end offset, capped);
 *   2. the records Bronze takes, in one Iceberg commit, each row tagged with its partition and offset;
 *   3. only if step 2 took fewer rows than the ranges hold: the others into bronze.dead_letters with
 *      their reason, in one commit;
 *   4. 'committed'.
 * After a crash anywhere, the next run finds 'started' without 'committed' and recovers from what
 * the tables hold (kafka_events_batch_present.sql): Bronze rows in the ranges => step 2 happened
 * (its commit is atomic), else it is redone; the same for step 3; then step 4. Nothing is lost or
 * written twice. A duplicate delivery of an event (the same event_id in two records) is kept, as
 * Bronze keeps everything; the micro-batch and Silver count each event_id once.
 */
import { TOPICS } from "../../kafka/topics";
import type { TrinoConnection } from "../../trino/client";
import { LIVE_WRITE_TIMEOUT_MS } from "../bronze/event";
import { frequentWriteSession, runJob } from "../job-sql";
import { type Checkpoint, latestCheckpoint, recordCheckpoint } from "./checkpoint";
import { nextRanges, type OffsetRange, rangeParams, rangesDetail, rangesOf, recordsIn } from "./ingest-plan";

export const EVENTS_JOB = `kafka:${TOPICS.events.name}`;
const PARTITIONS = TOPICS.events.partitions;

export interface IngestOptions {
  /** Honour each record's delivery-time header (a seed replaying history); live ingest never does. */
  readonly backfill?: boolean;
  /** Records read per partition per batch at most. */
  readonly maxPerPartition?: number;
  /** Deadline of each write; a live write must end within LIVE_WRITE_TIMEOUT_MS (the micro-batch's margin). */
  readonly timeoutMs?: number;
  /** Test hooks: throw right after the Bronze write, or right after 'started', before anything else. */
  readonly crashAfterBronze?: boolean;
  readonly crashAfterStarted?: boolean;
  /**
   * A live loop's memory of its last committed checkpoint: with it, a run reads no checkpoint from
   * the table (two statements per 5-second tick otherwise, over a partition of small files that
   * grows until the hourly compaction). Only the process that writes the checkpoints may keep one;
   * it is forgotten on any failure, so the next run recovers from what the table holds.
   */
  readonly cursor?: IngestCursor;
}

export interface IngestCursor {
  last?: Checkpoint;
}

export interface IngestResult {
  readonly batchId: number;
  readonly skipped: boolean;
  readonly recovered: boolean;
  readonly records: number;
  readonly bronzeRows: number;
  readonly deadLetters: number;
  readonly ranges: readonly OffsetRange[];
  readonly durationMs: number;
}

export class SimulatedIngestCrash extends Error {
  override readonly name = "SimulatedIngestCrash";
}

/** Live: a few seconds of traffic per batch. A backfill reads a day's records of a partition at once. */
export const LIVE_MAX_PER_PARTITION = 100_000;
export const BACKFILL_MAX_PER_PARTITION = 1_000_000;

const inserted = (r: { rows: readonly { rows?: unknown }[] }) => Number(r.rows[0]?.rows ?? 0);

/** Steps 2 and 3 for the parts not yet done; returns the rows each table holds for the batch. */
async function write(conn: TrinoConnection, batchId: number, ranges: readonly OffsetRange[], opts: IngestOptions, done: { bronze: number; dead: number }) {
  const params = rangeParams(ranges, PARTITIONS);
  const timeoutMs = opts.timeoutMs ?? LIVE_WRITE_TIMEOUT_MS;
  let bronze = done.bronze;
  const session = frequentWriteSession(conn);
  if (bronze === 0)
    bronze = inserted(await runJob(conn, "kafka_events_bronze_insert", { ...params, backfill: opts.backfill ?? false }, { timeoutMs, session }));
  if (opts.crashAfterBronze) throw new SimulatedIngestCrash(`crash after the Bronze write of batch ${batchId}`);
  let dead = done.dead;
  if (dead === 0 && bronze < recordsIn(ranges))
    dead = inserted(await runJob(conn, "kafka_events_dead_letter_insert", { ...params, batch_id: batchId }, { timeoutMs, session }));
  return { bronze, dead };
}

/**
 * One ingest batch: finishes an interrupted one first (then returns; the next call goes on), else
 * reads from the committed offsets to `ends` (the partitions' end offsets, asked of the broker by
 * the caller, so a test or a seed can stop at offsets it knows).
 */
export async function runKafkaIngest(conn: TrinoConnection, ends: readonly number[], opts: IngestOptions = {}): Promise<IngestResult> {
  const cursor = opts.cursor;
  try {
    const cp = cursor?.last ?? (await latestCheckpoint(conn, EVENTS_JOB));
    const r = await ingestBatch(conn, ends, opts, cp);
    if (cursor) cursor.last = r.skipped ? cp : { batch_id: r.batchId, committed: true, detail: rangesDetail(r.ranges) };
    return r;
  } catch (err) {
    if (cursor) cursor.last = undefined;
    throw err;
  }
}

async function ingestBatch(conn: TrinoConnection, ends: readonly number[], opts: IngestOptions, cp: Checkpoint | undefined): Promise<IngestResult> {
  const t0 = Date.now();
  if (cp && !cp.committed) {
    const ranges = rangesOf(cp.detail);
    const present = (await runJob<{ bronze_rows: number; dead_rows: number }>(conn, "kafka_events_batch_present", rangeParams(ranges, PARTITIONS))).rows[0]!;
    const { bronze, dead } = await write(
      conn,
      cp.batch_id,
      ranges,
      { ...opts, crashAfterBronze: false },
      { bronze: Number(present.bronze_rows), dead: Number(present.dead_rows) },
    );
    await recordCheckpoint(conn, { job: EVENTS_JOB, batchId: cp.batch_id, state: "committed", ranges, rows: bronze, deadLetters: dead });
    return {
      batchId: cp.batch_id,
      skipped: false,
      recovered: true,
      records: recordsIn(ranges),
      bronzeRows: bronze,
      deadLetters: dead,
      ranges,
      durationMs: Date.now() - t0,
    };
  }
  const done = cp ? rangesOf(cp.detail) : undefined;
  const ranges = nextRanges(done, ends, opts.maxPerPartition ?? (opts.backfill ? BACKFILL_MAX_PER_PARTITION : LIVE_MAX_PER_PARTITION));
  const batchId = (cp?.batch_id ?? 0) + 1;
  const records = recordsIn(ranges);
  if (records === 0)
    return { batchId: cp?.batch_id ?? 0, skipped: true, recovered: false, records: 0, bronzeRows: 0, deadLetters: 0, ranges, durationMs: Date.now() - t0 };
  await recordCheckpoint(conn, { job: EVENTS_JOB, batchId, state: "started", ranges, rows: null, deadLetters: null });
  if (opts.crashAfterStarted) throw new SimulatedIngestCrash(`crash after 'started' of batch ${batchId}`);
  const { bronze, dead } = await write(conn, batchId, ranges, opts, { bronze: 0, dead: 0 });
  await recordCheckpoint(conn, { job: EVENTS_JOB, batchId, state: "committed", ranges, rows: bronze, deadLetters: dead });
  return { batchId, skipped: false, recovered: false, records, bronzeRows: bronze, deadLetters: dead, ranges, durationMs: Date.now() - t0 };
}
