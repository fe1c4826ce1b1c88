/**
 * `npm start` in attach mode (PULSE_ATTACH_TRINO_URL): no Trino, PostgreSQL or simulator is
 * started. The dashboard is served over the attached catalog, and with `--jobs` the live jobs
 * (micro-batch, daily Silver and Gold, maintenance) run over the Bronze and dimensions the team's own
 * pipelines fill. Without `--jobs` the team's pipelines write the seed's tables and Pulse only reads.
 * It never changes the attached catalog itself: DDL on someone else's lakehouse is a deliberate
 * step (`npm run lakehouse -- migrate`), so a catalog without Pulse's views is refused here.
 */
import path from "node:path";
import { toolsConfig } from "../../lib/config/tools";
import { AttachError, type AttachTarget, attachConnection, attachDashboardEnv, checkAttached } from "../../lib/lakehouse/attach";
import { type Progress, readLedgerIfAny } from "../../lib/lakehouse/migrate";
import { lakehouseRoot } from "../../lib/lakehouse/settings";
import { LivePipeline } from "../../lib/pipeline/runner/live";
import { buildDashboard, startDashboard } from "../dashboard/next-process";

export interface AttachedRun {
  readonly dashboardUrl: string;
  stop(): Promise<void>;
}

export async function startAttached(t: AttachTarget, o: { readonly jobs: boolean; readonly port: number; readonly log: Progress }): Promise<AttachedRun> {
  const building = buildDashboard(o.log);
  building.catch(() => undefined); // awaited below; this only stops an early failure being reported as unhandled
  await checkAttached(t, "dashboard");
  if (o.jobs) await checkAttached(t, "writer");
  if ((await readLedgerIfAny(attachConnection(t, "dashboard"))).size === 0) {
    throw new AttachError(
      `catalog ${t.catalog} on ${t.url} has no Pulse views yet: run 'npm run lakehouse -- migrate' first (npm start never changes an attached catalog)`,
    );
  }
  o.log(`attached to ${t.url}, catalog ${t.catalog}; dashboard reads as ${t.logins.dashboard.user}${o.jobs ? `, jobs write as ${t.logins.writer.user}` : ""}`);
  await building;
  const dashboard = await startDashboard({
    port: o.port,
    trino: attachDashboardEnv(t),
    log: o.log,
    pidFile: path.join(lakehouseRoot(), "attach", "dashboard.pid"),
  });
  let pipeline: LivePipeline | undefined;
  if (o.jobs) {
    pipeline = new LivePipeline(attachConnection(t, "writer"), undefined, o.log, {
      maintenanceRetention: t.maintenanceRetention,
      rtTtlDays: toolsConfig().PULSE_RT_TTL_DAYS,
      microBatchEveryMs: toolsConfig().PULSE_MICROBATCH_EVERY_SECONDS * 1000,
    });
    pipeline.start();
  } else {
    o.log("no jobs (add --jobs to run the micro-batch, daily and maintenance jobs here): the team's pipelines keep the tables current");
  }
  return {
    dashboardUrl: dashboard.url,
    stop: async () => {
      await pipeline?.stop();
      await dashboard.stop();
    },
  };
}
