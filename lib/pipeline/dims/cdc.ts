/**
 * Dims CDC (seed §3.2) through Kafka: dimension changes (full new rows, each with its change time)
 * are published to pulse.cdc.videos and pulse.cdc.users, and each ingest batch applies an offset
 * range of a topic, read by Trino through its Kafka connector (views bronze.kafka_cdc_*_checked),
 * to the current-state tables with MERGE and to the SCD2 history that point-in-time joins read. No
 * row travels as SQL text.
 *
 * Checkpoints follow the events' ingest (meta.ingest_checkpoints, job 'kafka:<topic>'): 'started' with
 * the range, the three dims statements, the range's dead letters, 'committed'. The dims statements
 * are idempotent (newest change wins, a version already in the history is not added again, valid_to
 * is re-derived), so recovery simply runs them again; the dead letters are written only if the
 * range has none yet.
 */
import { endOffsets } from "../../kafka/end-offsets";
import { TOPICS, type TopicSpec } from "../../kafka/topics";
import type { TrinoConnection } from "../../trino/client";
import { LIVE_WRITE_TIMEOUT_MS } from "../bronze/event";
import { runJob } from "../job-sql";
import { latestCheckpoint, recordCheckpoint } from "../kafka/checkpoint";
import { nextRanges, type OffsetRange, rangeParams, rangesOf, recordsIn } from "../kafka/ingest-plan";

export interface VideoChange {
  readonly video_id: string;
  readonly creator_id: string;
  readonly category: string;
  readonly hashtags: readonly string[];
  readonly duration_ms: number;
  readonly upload_ms: number;
  readonly status: string;
  readonly changed_ms: number;
}

export interface UserChange {
  readonly user_id: string;
  readonly register_country: string;
  readonly device_os: string;
  readonly is_creator: boolean;
  readonly ltv_segment: string;
  readonly join_ms: number;
  readonly changed_ms: number;
}

export type DimKind = "videos" | "users";

const STEPS: Record<DimKind, readonly string[]> = {
  videos: ["dims_videos_upsert_current", "dims_videos_history_insert", "dims_videos_history_close"],
  users: ["dims_users_upsert_current", "dims_users_history_insert", "dims_users_history_close"],
};

export interface DimIngestResult {
  readonly kind: DimKind;
  readonly batches: number;
  readonly records: number;
  readonly deadLetters: number;
}

/** Changes per batch at most: a seed's initial 50,000 users fit in one. */
const MAX_PER_BATCH = 200_000;

async function applyRange(
  conn: TrinoConnection,
  kind: DimKind,
  topic: TopicSpec,
  job: string,
  batchId: number,
  ranges: readonly OffsetRange[],
  timeoutMs: number,
): Promise<number> {
  const params = rangeParams(ranges, topic.partitions);
  for (const step of STEPS[kind]) await runJob(conn, step, params, { timeoutMs });
  const [present] = (await runJob<{ dead_rows: number }>(conn, "kafka_dead_letters_in_range", { topic: topic.name, ...params })).rows;
  let dead = Number(present?.dead_rows ?? 0);
  if (dead === 0) {
    const r = await runJob<{ rows: number }>(conn, `kafka_cdc_${kind}_dead_letter_insert`, { ...params, batch_id: batchId }, { timeoutMs });
    dead = Number(r.rows[0]?.rows ?? 0);
  }
  await recordCheckpoint(conn, { job, batchId, state: "committed", ranges, rows: recordsIn(ranges) - dead, deadLetters: dead });
  return dead;
}

/** Applies every change the topic holds beyond the last committed batch (an interrupted batch first). */
/**
 * The end offsets up to which a caller has seen a topic fully applied, by topic name. A live loop
 * keeps one and passes it on every tick: a topic whose end has not moved since then costs no Trino
 * statement (dimension changes come a few an hour, the tick every 5 s). One-off callers (the seed,
 * tests that clear the checkpoints) pass none and always read the checkpoint.
 */
export type AppliedEnds = Map<string, string>;

export async function ingestDimChanges(
  conn: TrinoConnection,
  bootstrap: string,
  kind: DimKind,
  timeoutMs = LIVE_WRITE_TIMEOUT_MS,
  applied?: AppliedEnds,
): Promise<DimIngestResult> {
  const topic = TOPICS[kind];
  const job = `kafka:${topic.name}`;
  const out = { kind, batches: 0, records: 0, deadLetters: 0 };
  const ends = await endOffsets(bootstrap, topic.name, topic.partitions);
  const endsKey = ends.join(",");
  if (applied?.get(topic.name) === endsKey) return out;
  for (;;) {
    const cp = await latestCheckpoint(conn, job);
    let batchId: number;
    let ranges: OffsetRange[];
    if (cp && !cp.committed) {
      batchId = cp.batch_id;
      ranges = rangesOf(cp.detail);
    } else {
      ranges = nextRanges(cp ? rangesOf(cp.detail) : undefined, ends, MAX_PER_BATCH);
      if (recordsIn(ranges) === 0) {
        applied?.set(topic.name, endsKey);
        return out;
      }
      batchId = (cp?.batch_id ?? 0) + 1;
      await recordCheckpoint(conn, { job, batchId, state: "started", ranges, rows: null, deadLetters: null });
    }
    out.deadLetters += await applyRange(conn, kind, topic, job, batchId, ranges, timeoutMs);
    out.batches += 1;
    out.records += recordsIn(ranges);
  }
}
