import "server-only";
/**
 * The dashboard server's one live watcher (watcher.ts), started on first use, and the data
 * versions the result cache and the live hub key on. Kept on globalThis so dev-mode module reloads
 * do not start a second one.
 */
import { serverConfig } from "../../config/server";
import { bindSql } from "../../trino/bind";
import { fetchRows } from "../data";
import { rtWatermarkOf, rtWatermarkRow } from "../queries/rt-progress-row";
import { querySql } from "../sql-files";
import { CatalogProbe } from "./catalog-probe";
import { LiveWatcher } from "./watcher";

const key = Symbol.for("pulse.dashboard.liveWatcher");
type Holder = { [key]?: LiveWatcher };

export function liveWatcher(): LiveWatcher {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const env = serverConfig();
    const probe = env.PULSE_CATALOG_DB_URL ? new CatalogProbe(env.PULSE_CATALOG_DB_URL, env.PULSE_CATALOG_DB_CATALOG_NAME ?? env.TRINO_CATALOG) : undefined;
    const watcher = new LiveWatcher({
      ...(probe ? { probe: () => probe.tokens() } : {}),
      // The poll is the server's own work: at most one background query holds a slot (admission.ts).
      readState: async () => rtWatermarkOf(await fetchRows("rt_watermark", bindSql(querySql("rt_watermark"), {}), rtWatermarkRow, "background")),
      probeMs: env.PULSE_LIVE_PROBE_MS,
      trinoProbeMs: env.PULSE_LIVE_TRINO_PROBE_SECONDS * 1000,
      log: (m) => console.error(m),
    });
    holder[key] = watcher;
    watcher.start();
  }
  return holder[key];
}

/** The current version of a freshness class, or undefined while the watcher has no trustworthy state. */
export function dataVersion(freshness: "rt" | "daily"): string | undefined {
  const w = liveWatcher();
  const state = w.healthy ? w.state : undefined;
  if (!state) return undefined;
  return freshness === "rt" ? state.rtVersion : state.dailyVersion;
}
