/**
 * `lakehouse seed`: builds N days of history through the same code paths as live traffic —
 * simulator -> Kafka (pulse.events) -> the Kafka ingest into Bronze -> CDC -> micro-batch -> daily
 * Silver and Gold — with Bronze's ingested_at set to each event's simulated delivery time (the
 * records' ingested_at header, which the ingest honours as a backfill). Three things overlap: the
 * simulation of the next slice, its publication, and Trino's ingest of the slice before.
 */

import { userChangeRecord, videoChangeRecord } from "../../kafka/change-record";
import { endOffsets } from "../../kafka/end-offsets";
import { eventRecord } from "../../kafka/event-record";
import { concatLazily, KafkaPublisher, lazyMap } from "../../kafka/publisher";
import { TOPICS } from "../../kafka/topics";
import { runQuery, type TrinoConnection } from "../../trino/client";
import { runGoldDaily } from "../daily/gold";
import { runSilverDaily } from "../daily/silver";
import { ingestDimChanges } from "../dims/cdc";
import { ingestToEnd } from "../kafka/catch-up";
import { COMMIT_SAFETY_MS, runMicroBatch } from "../rt/microbatch";
import type { Simulation } from "../simulator";
import { recordSeedProgress, type SeedRun } from "./seed-progress";
import { seedSliceMs } from "./seed-slice";
import type { SimIdentity } from "./sim-state";
import { DAY_MS, DEFAULT_SCALE, initialChanges, splitChanges, startSimulation, toBronze, utcMidnight } from "./simulation-source";

export interface SeedOptions {
  readonly days?: number;
  readonly videos?: number;
  readonly users?: number;
  readonly eventsPerDay?: number;
  readonly seed?: number;
  /** Where history ends; defaults to the wall clock. */
  readonly untilMs?: number;
  /** Delivery-time slice published and ingested at a time. */
  readonly sliceMs?: number;
  /** The broker (host:port) the history is published to and ingested from. */
  readonly kafkaBootstrap: string;
}

export interface SeedResult {
  readonly sim: Simulation;
  /** What a restarted main command needs to resume the same world (sim-state.ts). */
  readonly identity: SimIdentity;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly days: string[];
}

const RT_CHUNK_MS = 6 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function bronzeIsEmpty(conn: TrinoConnection): Promise<boolean> {
  const r = await runQuery<{ n: number }>(conn, "SELECT count(*) AS n FROM (SELECT 1 FROM lakehouse.bronze.raw_events LIMIT 1)");
  return Number(r.rows[0]?.n ?? 0) === 0;
}

/** Every change the CDC topics hold, into the dims (history-sized batches get a seed's deadline). */
async function applyDimChanges(conn: TrinoConnection, bootstrap: string): Promise<void> {
  await ingestDimChanges(conn, bootstrap, "videos", 600_000);
  await ingestDimChanges(conn, bootstrap, "users", 600_000);
}

export async function seedHistory(conn: TrinoConnection, opts: SeedOptions, log: (m: string) => void = () => undefined): Promise<SeedResult> {
  const days = opts.days ?? DEFAULT_SCALE.days;
  const until = opts.untilMs ?? Date.now();
  const startMs = utcMidnight(until) - days * DAY_MS;
  const identity: SimIdentity = {
    seed: opts.seed ?? DEFAULT_SCALE.seed,
    startMs,
    videos: opts.videos ?? DEFAULT_SCALE.videos,
    users: opts.users ?? DEFAULT_SCALE.users,
    eventsPerDay: opts.eventsPerDay ?? DEFAULT_SCALE.eventsPerDay,
  };
  const sliceMs = opts.sliceMs ?? seedSliceMs(identity.eventsPerDay);
  const sim = startSimulation(identity);
  const t0 = Date.now();
  // Recorded before anything slow, so a dashboard watching the lakehouse says "loading history:
  // 0 of N days" from the start instead of "waiting for the first micro-batch".
  const run: SeedRun = { runId: t0, historyFromMs: startMs, historyUntilMs: until };
  await recordSeedProgress(conn, run, startMs, 0, "started");
  const publisher = new KafkaPublisher(opts.kafkaBootstrap, "pulse-seed");
  let events = 0;
  // The ingest of the slice before, and the slice's progress, run while the next is simulated and
  // published: one of each in flight.
  let pending: Promise<unknown> = Promise.resolve();
  // History's dim changes are published with each slice and applied once, after Bronze: the SCD2
  // versions carry their own change times, so when they are MERGEd does not matter, and each MERGE
  // costs seconds of fixed cost (applied per day, they took about 5 s of every day's 20).
  let lastReport = Date.now();
  try {
    const initial = initialChanges(sim);
    const sentAt = Date.now();
    await publisher.publish([...initial.videos.map((c) => videoChangeRecord(c, sentAt)), ...initial.users.map((c) => userChangeRecord(c, sentAt))]);
    // Applied while the first slice is simulated and published (its ingest waits for it): the
    // dims' MERGEs took about 15 s, a tenth of a seed, with the publisher idle.
    pending = applyDimChanges(conn, opts.kafkaBootstrap).then(() =>
      log(`seed: ${initial.videos.length} videos, ${initial.users.length} users loaded into dims through Kafka (${((Date.now() - t0) / 1000).toFixed(1)} s)`),
    );
    pending.catch(() => undefined); // awaited before the first ingest; this only stops an early failure being reported as unhandled
    for (let t = startMs; t < until; t = Math.min(t + sliceMs, until)) {
      const slice = sim.advance(Math.min(t + sliceMs, until));
      const now = Date.now();
      const changes = splitChanges(slice.changes);
      await publisher.publish(
        concatLazily(
          lazyMap(slice.events, (e) => eventRecord(toBronze(e), e.deliverAtMs, now)),
          lazyMap(changes.videos, (c) => videoChangeRecord(c, now)),
          lazyMap(changes.users, (c) => userChangeRecord(c, now)),
        ),
      );
      const endOfDay = slice.toMs % DAY_MS === 0 || slice.toMs >= until;
      events += slice.events.length;
      const eventsSoFar = events;
      await pending;
      const ends = await endOffsets(opts.kafkaBootstrap, TOPICS.events.name, TOPICS.events.partitions);
      pending = (async () => {
        await ingestToEnd(conn, opts.kafkaBootstrap, { backfill: true, timeoutMs: 600_000 }, ends);
        // After the day's ingest, so the dashboard never counts a day that is not in Bronze yet.
        if (endOfDay) await recordSeedProgress(conn, run, slice.toMs, eventsSoFar, "started");
      })();
      pending.catch(() => undefined); // awaited at the next slice or below; this only stops an early failure being reported as unhandled
      if (Date.now() - lastReport > 5000 || slice.toMs >= until) {
        const secs = (Date.now() - t0) / 1000;
        log(
          `seed: ${new Date(slice.toMs).toISOString().slice(0, 16)}Z, ${events.toLocaleString("en-US")} events published, ${Math.round(events / secs).toLocaleString("en-US")} events/s`,
        );
        lastReport = Date.now();
      }
    }
  } finally {
    await publisher.close().catch(() => undefined);
  }
  // The history's dim changes go in beside the last slice's ingest (other tables).
  await Promise.all([pending, applyDimChanges(conn, opts.kafkaBootstrap)]);
  const bronzeSecs = (Date.now() - t0) / 1000;
  log(
    `seed: Bronze (through Kafka) and dims done: ${events.toLocaleString("en-US")} events in ${bronzeSecs.toFixed(1)} s (${Math.round(events / bronzeSecs).toLocaleString("en-US")} events/s)`,
  );

  // The history goes through the micro-batch in chunks of delivery time: one batch over millions
  // of events would need more memory than a 2-core machine's Trino has.
  let rtRows = 0;
  let rtEvents = 0;
  const rtStart = Date.now();
  for (let end = startMs + RT_CHUNK_MS; ; end = Math.min(end + RT_CHUNK_MS, until)) {
    const mb = await runMicroBatch(conn, { nowMs: Math.min(end, until) + COMMIT_SAFETY_MS });
    rtRows += mb.rowsWritten;
    rtEvents += mb.eventsCounted;
    if (end >= until) break;
  }
  log(
    `seed: micro-batch over the history: ${rtRows.toLocaleString("en-US")} Gold RT rows, ${rtEvents.toLocaleString("en-US")} events, ${((Date.now() - rtStart) / 1000).toFixed(1)} s`,
  );

  const complete: string[] = [];
  for (let d = startMs; d + DAY_MS <= utcMidnight(until); d += DAY_MS) complete.push(iso(d));
  for (const date of complete) {
    const silver = await runSilverDaily(conn, date);
    const gold = await runGoldDaily(conn, date);
    log(
      `seed: daily ${date}: Silver ${silver.rows.toLocaleString("en-US")} rows in ${(silver.durationMs / 1000).toFixed(1)} s, Gold ${gold.rows} rows in ${(gold.durationMs / 1000).toFixed(1)} s`,
    );
  }
  await recordSeedProgress(conn, run, until, events, "committed");
  const seconds = (Date.now() - t0) / 1000;
  return { sim, identity, events, seconds, eventsPerSecond: events / bronzeSecs, days: complete };
}
