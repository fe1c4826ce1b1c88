import "server-only";
import { z } from "zod";
import { serverConfig } from "../../config/server";
import type { Health } from "../../dashboard/models";
import { runQuery } from "../../trino/client";
import { dashboardConnection, describeFailure, readRows, resultCache } from "../data";
import { liveHub } from "../live/hub";
import { liveWatcher } from "../live/versions";
import { ResultCache } from "../result-cache";
import { querySql } from "../sql-files";
import { supervisionHealth } from "../supervision";
import { recordTrinoCall } from "../trino-state";
import { onlyRow, parseRows } from "../typed-rows";
import { seedProgressOf, seedProgressRow } from "./rt-progress-row";

/** RT is fresh when its watermark is at most 3 minutes behind Trino's clock; daily when yesterday is built by 10:00 UTC. */
const RT_FRESH_SECONDS = 180;
const DAILY_FRESH_SECONDS = 34 * 3600;

/** sql/queries/health_freshness.sql: one row; a table's columns are NULL before its first commit. */
const Row = z.object({
  rt_complete_through_ms: z.number().nullable(),
  rt_last_commit_ms: z.number().nullable(),
  daily_complete_through_ms: z.number().nullable(),
  daily_last_commit_ms: z.number().nullable(),
  dead_letters: z.number(),
  last_dead_ms: z.number().nullable(),
  now_ms: z.number(),
  ...seedProgressRow.shape,
});

// Every open page polls health; single-flight over PULSE_HEALTH_CACHE_SECONDS (30 s: 2 Trino
// statements a minute, of issue 10's 6 for one Pulse view) keeps that flat however many pages are open.
const healthCache = new ResultCache<Health>({ retryAfterMs: 0, maxEntries: 1 });

export async function getHealth(): Promise<Health> {
  const health = (await healthCache.get("health", checkHealth, serverConfig().PULSE_HEALTH_CACHE_SECONDS * 1000)).value;
  const live = liveWatcher().status;
  const supervision = supervisionHealth();
  const serversUp = !supervision || supervision.servers.every((s) => s.state === "up");
  return {
    ...health,
    ok: health.ok && serversUp,
    servedAt: Date.now(),
    supervision,
    live: {
      source: live.source,
      healthy: live.healthy,
      rtVersion: live.state?.rtVersion ?? null,
      dailyVersion: live.state?.dailyVersion ?? null,
      readAt: live.state?.readAt ?? null,
      ...(live.error !== undefined ? { error: live.error } : {}),
      views: liveHub().size,
      subscribers: liveHub().subscribers,
    },
  };
}

async function checkHealth(): Promise<Health> {
  const started = Date.now();
  const queriesSent = () => resultCache().fetches + healthCache.fetches;
  try {
    const out = await runQuery(dashboardConnection(), querySql("health_freshness"), { timeoutMs: 5_000 });
    recordTrinoCall();
    const r = readRows(() => onlyRow("health_freshness", parseRows("health_freshness", Row, out.rows)));
    const now = r.now_ms;
    const table = (name: string, through: number | null, commit: number | null, freshSeconds: number) => {
      const lagSeconds = through === null ? null : Math.max(0, Math.round((now - through) / 1000));
      return { table: name, completeThrough: through, lastCommit: commit, lagSeconds, fresh: lagSeconds !== null && lagSeconds <= freshSeconds };
    };
    // Before the first committed micro-batch no RT minute is processed: loading, not "behind".
    const rt: Health["rt"] = { state: r.rt_last_commit_ms === null ? "loading" : "complete", seed: seedProgressOf(r) };
    // Named in the catalog the dashboard reads (TRINO_CATALOG): an attached one may have another name.
    const catalog = serverConfig().TRINO_CATALOG;
    const tables = [
      table(`${catalog}.gold.rt_video_stats_1min`, r.rt_complete_through_ms, r.rt_last_commit_ms, RT_FRESH_SECONDS),
      table(`${catalog}.gold.batch_video_daily`, r.daily_complete_through_ms, r.daily_last_commit_ms, DAILY_FRESH_SECONDS),
    ];
    return {
      ok: tables.every((t) => t.fresh),
      trino: { reachable: true, latencyMs: Date.now() - started },
      tables,
      rt,
      ingest: { deadLetters: r.dead_letters, lastDeadLetterAt: r.last_dead_ms },
      queriesSent: queriesSent(),
      checkedAt: Date.now(),
      servedAt: Date.now(),
    };
  } catch (err) {
    recordTrinoCall(err);
    return {
      ok: false,
      trino: { reachable: false, error: describeFailure(err), latencyMs: null },
      tables: [],
      rt: null,
      queriesSent: queriesSent(),
      checkedAt: Date.now(),
      servedAt: Date.now(),
    };
  }
}
