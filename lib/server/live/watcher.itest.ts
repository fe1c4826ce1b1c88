/**
 * The live watcher against the real PostgreSQL catalog and Trino: a micro-batch commit is learnt
 * from the catalog within 2 s, with one Trino statement for it (not one for its 'started'
 * checkpoint too), and a daily build moves only the daily version.
 *
 * Fixture (B = 2026-11-20 10:00 UTC): two events of V1 at B+5s and B+10s, delivered at B+70s.
 * The micro-batch run "at" B+80s + COMMIT_SAFETY covers them: batch 1, complete through
 * floor((B+80s - 30 s settle) / 1 min) = B.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { type BronzeEvent, writeBronze } from "../../../tools/testing/bronze-writer";
import { insertRows, q, requireTestInstance, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { catalogDbUrl } from "../../lakehouse/dashboard-env";
import { REPO_ROOT } from "../../lakehouse/settings";
import { COMMIT_SAFETY_MS, runMicroBatch } from "../../pipeline/rt/microbatch";
import { sqlDate, sqlInstant } from "../../trino/bind";
import { runQuery } from "../../trino/client";
import { statementOf } from "../../trino/sql-text";
import { rtWatermarkOf } from "../queries/rt-progress-row";
import { CatalogProbe } from "./catalog-probe";
import { type LiveChange, type LiveState, LiveWatcher } from "./watcher";

const B = Date.UTC(2026, 10, 20, 10, 0, 0);
const S = 1000;
const ev = (id: string, tsMs: number): BronzeEvent => ({
  event_id: id,
  event_timestamp: tsMs,
  video_id: "V1",
  user_id: "u1",
  event_type: "play_start",
  raw_payload: JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 }),
});
const sql = statementOf("rt_watermark.sql", fs.readFileSync(path.join(REPO_ROOT, "sql", "queries", "rt_watermark.sql"), "utf8"));

let probe: CatalogProbe;
let watcher: LiveWatcher;
let reads = 0;
const changes: { at: number; state: LiveState; change: LiveChange }[] = [];

before(async () => {
  requireTestInstance();
  for (const t of ["bronze.raw_events", "gold.rt_video_stats_1min", "meta.job_checkpoints"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  probe = new CatalogProbe(catalogDbUrl(testInstance), testInstance.catalog);
  watcher = new LiveWatcher({
    probe: () => probe.tokens(),
    readState: async () => {
      reads += 1;
      return rtWatermarkOf((await runQuery(connectionFor(testInstance, "dashboard"), sql)).rows);
    },
    probeMs: 250,
    trinoProbeMs: 60_000,
  });
  watcher.onChange((state, change) => changes.push({ at: Date.now(), state, change }));
  await watcher.ensureState();
  watcher.start();
});

after(() => {
  watcher.stop();
  probe.close();
});

const until = async (cond: () => boolean, ms: number) => {
  const t0 = Date.now();
  while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 50));
};

test("a micro-batch commit is seen within 2 s, with one Trino read for it", async () => {
  assert.equal(watcher.state?.rt.state, "loading");
  await writeBronze(connectionFor(testInstance, "writer"), [ev("w1", B + 5 * S), ev("w2", B + 10 * S)], [B + 70 * S, B + 70 * S]);
  // Let the probe see the Bronze commit (not a table it watches: no read).
  await new Promise((r) => setTimeout(r, 600));
  const readsBefore = reads;
  const seen = changes.length;
  const r = await runMicroBatch(connectionFor(testInstance, "writer"), { nowMs: B + 80 * S + COMMIT_SAFETY_MS });
  const committedAt = Date.now();
  assert.equal(r.batchId, 1);
  await until(() => changes.length > seen, 5_000);
  const got = changes[seen];
  assert.ok(got, "the watcher did not report the commit within 5 s");
  assert.ok(got.at - committedAt < 2_000, `seen ${got.at - committedAt} ms after the commit returned`);
  assert.deepEqual(got.change, { rt: true, daily: false });
  assert.equal(got.state.rt.batchId, 1);
  assert.equal(got.state.rt.watermark, B);
  assert.equal(got.state.rtVersion, "b1");
  // 'started', the Gold write, then 'committed': one read, for the commit.
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(reads - readsBefore, 1);
});

test("a daily build moves only the daily version", async () => {
  const seen = changes.length;
  const rtVersion = watcher.state?.rtVersion;
  // As a daily build does: its Gold rows, then its checkpoint.
  await insertRows("lakehouse.gold.batch_video_daily", ["date", "video_id"], [[sqlDate("2026-11-19"), "v-watcher-daily"]]);
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "recorded_at"],
    [["gold_daily", 20261119, "committed", sqlInstant(new Date(Date.UTC(2026, 10, 20))), sqlInstant(new Date(B))]],
  );
  const committedAt = Date.now();
  await until(() => changes.length > seen, 5_000);
  const got = changes[seen];
  assert.ok(got, "the daily checkpoint was not seen within 5 s");
  assert.ok(got.at - committedAt < 2_000, `seen ${got.at - committedAt} ms after the checkpoint's commit returned`);
  assert.deepEqual(got.change, { rt: false, daily: true });
  assert.equal(got.state.rtVersion, rtVersion);
  assert.equal(got.state.dailyVersion, `d${B}`);
  await q("admin", "DELETE FROM lakehouse.gold.batch_video_daily WHERE video_id = 'v-watcher-daily'");
});
