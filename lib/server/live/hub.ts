import "server-only";
/**
 * The live hub: every live view of this server process (live-view.ts), kept current by the live
 * watcher. On each data change, views somebody watches (a stream subscriber, or a poll within the
 * last IDLE_MS) are refreshed once each; others are dropped, so memory follows what is watched,
 * not what was ever asked. When the watcher cannot be trusted (catalog and Trino unreachable) the
 * views are refreshed on the cache period instead, as polling did before.
 */
import { serverConfig } from "../../config/server";
import { getHealth } from "../queries/health";
import { trinoFailure } from "../trino-state";
import { type LiveView, type PanelSource, LiveView as View } from "./live-view";
import { liveWatcher } from "./versions";

/** A view nobody streamed or polled for this long is dropped. */
const IDLE_MS = 120_000;
/** Bound on distinct views (URL parameter sets) held at once; beyond it idle ones go first. */
export const MAX_VIEWS = 500;

export class TooManyViewsError extends Error {
  override readonly name = "TooManyViewsError";
}

class LiveHub {
  private readonly views = new Map<string, LiveView>();
  private fallbackTick = 0;

  constructor() {
    const watcher = liveWatcher();
    watcher.onChange(() => this.refreshWatched());
    // Every few seconds: drop idle views; without a healthy watcher, refresh on the cache period.
    const sweep = setInterval(() => {
      this.dropIdle();
      if (!watcher.healthy && ++this.fallbackTick * 5 >= serverConfig().PULSE_RT_CACHE_SECONDS) {
        this.fallbackTick = 0;
        this.refreshWatched();
        return;
      }
      // Streamed views ask Trino nothing between commits, so an outage would go unseen: the health
      // check (cached for PULSE_HEALTH_CACHE_SECONDS, so no more statements than /api/health costs)
      // records whether Trino answers.
      if ([...this.views.values()].some((v) => v.subscriberCount > 0)) getHealth().catch(() => undefined);
      // While Trino fails, every view is reloaded so its panels say so (stale, with the reason);
      // after it recovers, views still holding stale panels reload until they are current.
      const failing = trinoFailure() !== undefined;
      for (const v of this.views.values()) if (failing || !v.upToDate) v.refresh(failing).catch(() => undefined);
    }, 5_000);
    sweep.unref();
  }

  view(key: string, sources: () => readonly PanelSource[]): LiveView {
    let v = this.views.get(key);
    if (!v) {
      if (this.views.size >= MAX_VIEWS) this.dropIdle(0);
      if (this.views.size >= MAX_VIEWS) throw new TooManyViewsError(`the server is watching ${MAX_VIEWS} distinct views; try again shortly`);
      v = new View(key, sources(), currentVersion);
      this.views.set(key, v);
    }
    v.lastUsed = Date.now();
    return v;
  }

  get size(): number {
    return this.views.size;
  }

  /** Open streams over every view: /api/health reports it, so a subscriber that outlives its browser shows. */
  get subscribers(): number {
    let n = 0;
    for (const v of this.views.values()) n += v.subscriberCount;
    return n;
  }

  private refreshWatched(): void {
    this.dropIdle();
    for (const v of this.views.values()) v.refresh().catch(() => undefined);
  }

  private dropIdle(idleMs = IDLE_MS): void {
    const now = Date.now();
    for (const [key, v] of this.views) {
      if (v.subscriberCount === 0 && now - v.lastUsed > idleMs) this.views.delete(key);
    }
  }
}

/** The watcher's combined version; without a trustworthy state, a clock step of the cache period. */
function currentVersion(): string {
  const w = liveWatcher();
  const s = w.healthy ? w.state : undefined;
  if (s) return `${s.rtVersion}.${s.dailyVersion}`;
  return `t${Math.floor(Date.now() / (serverConfig().PULSE_RT_CACHE_SECONDS * 1000))}`;
}

const key = Symbol.for("pulse.dashboard.liveHub");
type Holder = { [key]?: LiveHub };

export function liveHub(): LiveHub {
  const holder = globalThis as Holder;
  holder[key] ??= new LiveHub();
  return holder[key];
}
