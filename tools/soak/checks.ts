/**
 * The soak's verdict, from the producer's own record (producer-log.ts) and the tables, over a
 * running lakehouse:
 *   events  every acknowledged event in Bronze, none twice, none that was never sent;
 *   rt      Gold RT equal, cell by cell, to a recomputation from Bronze (tools/checks/sql);
 *   dims    each video and user changed during the soak holds its last change;
 *   jobs    no job's newest batch left started, and the RT log recent.
 * The pipeline keeps running meanwhile: each check waits (a bounded time) for what was produced
 * before it began to arrive, and only then judges.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../lib/config/env-files";
import { bindSql } from "../../lib/trino/bind";
import { runQuery, type TrinoConnection } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { readProducerLog } from "./producer-log";

const SQL_DIR = path.join(REPO_ROOT, "tools", "checks", "sql");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function query<Row>(conn: TrinoConnection, name: string, params: Record<string, number> = {}): Promise<Row[]> {
  return (await runQuery<Row>(conn, bindSql(loadStatement(SQL_DIR, name), params), { timeoutMs: 300_000 })).rows;
}

export interface EventsVerdict {
  /** Records sent and acknowledged, and the distinct events they carry. */
  readonly sentRecords: number;
  readonly ackedRecords: number;
  readonly ackedEvents: number;
  /** Events the producer itself sent more than once (the simulator's retrying apps): Bronze keeps each record; the micro-batch and Silver count the event once. */
  readonly producerDuplicates: number;
  readonly bronzeRows: number;
  /** Acknowledged records with no Bronze row. */
  readonly lost: number;
  /** Bronze rows beyond the records sent of their event. */
  readonly doubled: number;
  readonly neverSent: number;
  /** Records sent without an acknowledgement (the producer died, or the broker failed mid-send): in Bronze or not, both are right. */
  readonly unconfirmed: number;
  readonly unconfirmedInBronze: number;
  readonly waitedMs: number;
}

const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Waits up to `maxWaitMs` for every record acknowledged so far to be in Bronze, then judges. */
export async function checkEvents(conn: TrinoConnection, recordFile: string, sinceMs: number, maxWaitMs: number): Promise<EventsVerdict> {
  const t0 = Date.now();
  const before = readProducerLog(fs.readFileSync(recordFile, "utf8"));
  for (;;) {
    const rows = await query<{ event_id: string; copies: number }>(conn, "soak_bronze_events_since", { since_ms: sinceMs });
    const after = readProducerLog(fs.readFileSync(recordFile, "utf8")); // read after Bronze: everything Bronze holds was sent by now
    const bronze = new Map(rows.map((r) => [r.event_id, r.copies]));
    let lost = 0;
    for (const [id, n] of before.acked) lost += Math.max(0, n - (bronze.get(id) ?? 0));
    if (lost > 0 && Date.now() - t0 < maxWaitMs) {
      await sleep(10_000);
      continue;
    }
    let doubled = 0;
    let neverSent = 0;
    let unconfirmedInBronze = 0;
    for (const [id, copies] of bronze) {
      const sent = after.sent.get(id) ?? 0;
      if (sent === 0) neverSent += 1;
      doubled += Math.max(0, copies - sent);
      unconfirmedInBronze += Math.max(0, Math.min(copies, sent) - (after.acked.get(id) ?? 0));
    }
    return {
      sentRecords: total(after.sent),
      ackedRecords: total(before.acked),
      ackedEvents: before.acked.size,
      producerDuplicates: [...after.sent.values()].filter((n) => n > 1).length,
      bronzeRows: total(bronze),
      lost,
      doubled,
      neverSent,
      unconfirmed: total(after.sent) - total(after.acked),
      unconfirmedInBronze,
      waitedMs: Date.now() - t0,
    };
  }
}

export interface RtVerdict {
  readonly batchId: number;
  readonly throughMs: number;
  readonly cells: number;
  readonly cellsOff: number;
  readonly recomputedEvents: number;
  readonly loggedEvents: number;
}

/** Compares once a micro-batch has covered Bronze up to `coverMs` (waits up to `maxWaitMs` for it). */
export async function checkRt(conn: TrinoConnection, coverMs: number, maxWaitMs: number): Promise<RtVerdict> {
  const t0 = Date.now();
  for (;;) {
    const [r] = await query<{ batch_id: number; through_ms: number; cells: number; cells_off: number; recomputed_events: number; logged_events: number }>(
      conn,
      "soak_rt_vs_bronze",
    );
    if (!r) throw new Error("the RT check returned no row");
    if (r.through_ms < coverMs && Date.now() - t0 < maxWaitMs) {
      await sleep(15_000);
      continue;
    }
    return {
      batchId: r.batch_id,
      throughMs: r.through_ms,
      cells: r.cells,
      cellsOff: r.cells_off,
      recomputedEvents: r.recomputed_events,
      loggedEvents: r.logged_events,
    };
  }
}

export interface DimsVerdict {
  readonly videosChanged: number;
  readonly videosOff: readonly string[];
  readonly usersChanged: number;
  readonly usersOff: readonly string[];
}

type Row = Record<string, unknown>;
const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.round(a) === Math.round(b) : JSON.stringify(a) === JSON.stringify(b);
const matches = (row: Row | undefined, change: Record<string, unknown>, fields: readonly string[]) =>
  row !== undefined && fields.every((f) => same(row[f], change[f]));

const VIDEO_FIELDS = ["creator_id", "category", "hashtags", "duration_ms", "upload_ms", "status", "changed_ms"] as const;
const USER_FIELDS = ["register_country", "device_os", "is_creator", "ltv_segment", "join_ms", "changed_ms"] as const;

/** Each key's row must equal its last acknowledged change, or a later unacknowledged one; waits up to `maxWaitMs` for CDC to apply. */
export async function checkDims(conn: TrinoConnection, recordFile: string, maxWaitMs: number): Promise<DimsVerdict> {
  const t0 = Date.now();
  const log = readProducerLog(fs.readFileSync(recordFile, "utf8"));
  for (;;) {
    const videos = new Map((await query<Row>(conn, "soak_dim_videos")).map((r) => [String(r.video_id), r]));
    const users = new Map((await query<Row>(conn, "soak_dim_users")).map((r) => [String(r.user_id), r]));
    const off = <C>(changes: ReadonlyMap<string, { lastAcked: C | undefined; unconfirmedAfter: C[] }>, rows: Map<string, Row>, fields: readonly string[]) =>
      [...changes].filter(([key, c]) => {
        const candidates = [...(c.lastAcked ? [c.lastAcked] : []), ...c.unconfirmedAfter] as Record<string, unknown>[];
        return !candidates.some((x) => matches(rows.get(key), x, fields)) && c.lastAcked !== undefined;
      });
    const videosOff = off(log.videos, videos, VIDEO_FIELDS).map(([k]) => k);
    const usersOff = off(log.users, users, USER_FIELDS).map(([k]) => k);
    if (videosOff.length + usersOff.length > 0 && Date.now() - t0 < maxWaitMs) {
      await sleep(10_000);
      continue;
    }
    return { videosChanged: log.videos.size, videosOff, usersChanged: log.users.size, usersOff };
  }
}

export interface JobsVerdict {
  readonly jobs: number;
  readonly stuck: readonly string[];
}

/** A job is stuck when its newest batch is still 'started' `stuckAfterMs` after its last checkpoint row. */
export async function checkJobs(conn: TrinoConnection, stuckAfterMs: number): Promise<JobsVerdict> {
  const rows = await query<{ job: string; batch_id: number; committed: boolean; recorded_ms: number }>(conn, "soak_job_state");
  const now = Date.now();
  return {
    jobs: rows.length,
    stuck: rows
      .filter((r) => !r.committed && now - r.recorded_ms > stuckAfterMs)
      .map((r) => `${r.job} batch ${r.batch_id} started ${Math.round((now - r.recorded_ms) / 1000)} s ago`),
  };
}
