/**
 * Schema evolution for real (seed §6.1): producers start sending `vr_headset_model`; Bronze takes
 * it unchanged, and the migration sql/ddl/310 adds the column to Silver while Bronze writes and
 * micro-batches keep running. No job fails, and Silver then carries the new field.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { type BronzeEvent, writeBronze } from "../../tools/testing/bronze-writer";
import { q, requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { waitUntil } from "../../tools/testing/wait";
import { connectionFor } from "../lakehouse/connection";
import { loadDdlFiles } from "../lakehouse/migrate";
import { runQuery } from "../trino/client";
import { runSilverDaily } from "./daily/silver";
import { runMicroBatch } from "./rt/microbatch";

const writer = () => connectionFor(testInstance, "writer");
const MIGRATION = "310_silver_add_vr_headset_model.sql";
const ROUNDS_DEADLINE_MS = 60_000;

function batch(round: number, nowMs: number): BronzeEvent[] {
  return [0, 1, 2].map((i) => ({
    event_id: `evo-${round}-${i}`,
    event_timestamp: nowMs - 1000 * i,
    video_id: "V1",
    user_id: `u${i}`,
    event_type: "impression",
    // Round 0 predates the new field; later rounds carry it on one event in three.
    raw_payload: JSON.stringify({
      device_model: "Quest",
      network: "wifi",
      app_ver: "9.0.0",
      watch_time_ms: 0,
      ...(round > 0 && i === 0 ? { vr_headset_model: `VR-${round}` } : {}),
    }),
  }));
}

before(async () => {
  requireTestInstance();
  for (const t of ["bronze.raw_events", "silver.fact_user_engagement", "gold.rt_video_stats_1min", "meta.job_checkpoints"])
    await q("admin", `DELETE FROM lakehouse.${t}`);
  await q("admin", "ALTER TABLE lakehouse.silver.fact_user_engagement DROP COLUMN IF EXISTS vr_headset_model");
});

test("the migration lands while Bronze writes and micro-batches keep running", async () => {
  const failures: string[] = [];
  let round = 0;
  let running = true;
  const jobs = (async () => {
    while (running) {
      try {
        const [now] = await rows<{ ms: number }>("admin", "SELECT to_unixtime(current_timestamp) * 1000 AS ms");
        await writeBronze(writer(), batch(round, Math.floor(now!.ms)));
        await runMicroBatch(writer());
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
      round += 1;
    }
  })();
  try {
    // A round (one Bronze write and one micro-batch) takes a few seconds; a minute for two is a hang.
    await waitUntil(() => round >= 2, ROUNDS_DEADLINE_MS, "two rounds of writes and micro-batches before the migration");
    const migration = loadDdlFiles({ velocity_window_minutes: 15 }).find((f) => f.name === MIGRATION)!;
    await runQuery(connectionFor(testInstance, "admin"), migration.sql);
    const after = round;
    await waitUntil(() => round >= after + 2, ROUNDS_DEADLINE_MS, "two rounds of writes and micro-batches after the migration");
  } finally {
    running = false;
    await jobs;
  }
  assert.deepEqual(failures, []);

  const [today] = await rows<{ d: string }>("admin", "SELECT CAST(current_date AS varchar) AS d");
  const rounds = round;
  await runSilverDaily(writer(), today!.d);
  const [r] = await rows<{ n: number; vr: number }>(
    "admin",
    "SELECT count(*) AS n, count(vr_headset_model) AS vr FROM lakehouse.silver.fact_user_engagement WHERE event_id LIKE 'evo-%'",
  );
  assert.equal(r!.n, 3 * rounds);
  assert.equal(r!.vr, rounds - 1); // every round but the first carried one event with the field
});
