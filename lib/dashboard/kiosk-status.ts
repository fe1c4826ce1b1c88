/**
 * What a wall screen says about its data (kiosk mode's frame and banner), from the health answers
 * it polls: a pure function of them and the clock, so the rules are unit-tested.
 *
 * - The commit age counts from the newest real-time micro-batch commit ever seen, converted to the
 *   browser's clock through the server's (`servedAt`), so a TV whose clock is off by minutes still
 *   counts right. It keeps counting while the server or Trino cannot be reached.
 * - Stale (amber frame, the age in large type) once that age reaches the threshold: nothing on the
 *   screen may look healthy while the data does not move.
 * - Unreachable server or Trino: a banner at once; the frame too once that lasted the threshold
 *   (the data is then at least that old, or unknown).
 */
import { fmtAge, fmtTime, zoneLabel } from "./format";

/** One /api/health answer as the screen keeps it. */
export interface HealthSample {
  /** When the browser had it, on its own clock (ms). */
  readonly receivedAt: number;
  /** The server's clock when it answered (ms). */
  readonly servedAt: number;
  readonly trinoReachable: boolean;
  /** recorded_at of the newest committed micro-batch (server clock), null before the first or when unknown. */
  readonly rtLastCommit: number | null;
  /** RT data complete through (exclusive end of the last closed minute), when known. */
  readonly rtCompleteThrough: number | null;
  /**
   * The live watcher's real-time data version ("b<batch>" once micro-batches commit) and when it
   * read it (server clock). Unlike rtLastCommit, which the server caches for up to
   * PULSE_HEALTH_CACHE_SECONDS, this is current on every answer: a new version is a new commit.
   */
  readonly liveVersion?: string | null;
  readonly liveReadAt?: number | null;
}

/** What the screen remembers between answers. */
export interface KioskMemory {
  /** The newest commit seen, on the browser's clock. */
  readonly commitAt: number | null;
  /** The data's watermark with that commit. */
  readonly completeThrough: number | null;
  /** Since when (browser clock) the server has not answered; null while it does. */
  readonly unreachableSince: number | null;
  /** Since when Trino has been reported unreachable; null while it answers. */
  readonly trinoDownSince: number | null;
  /** When the screen started (the age floor while no commit is known). */
  readonly startedAt: number;
  /** The live watcher's last real-time version seen. */
  readonly liveVersion: string | null;
}

export const initialMemory = (now: number): KioskMemory => ({
  commitAt: null,
  completeThrough: null,
  unreachableSince: null,
  trinoDownSince: null,
  startedAt: now,
  liveVersion: null,
});

/** A server clock reading of the answer `s` on the browser's clock. */
const toBrowserClock = (s: HealthSample, serverMs: number) => s.receivedAt - Math.max(0, s.servedAt - serverMs);

/** A health answer arrived. */
export function onHealth(m: KioskMemory, s: HealthSample): KioskMemory {
  const fromTables = s.rtLastCommit === null ? null : toBrowserClock(s, s.rtLastCommit);
  // A micro-batch version the watcher moved to since the last answer: a commit, at about its read time.
  const liveVersion = s.liveVersion ?? null;
  const readAt = s.liveReadAt ?? null;
  const moved = liveVersion?.startsWith("b") === true && m.liveVersion !== null && liveVersion !== m.liveVersion && readAt !== null;
  const fromLive = moved && readAt !== null ? toBrowserClock(s, readAt) : null;
  const commitAt = fromTables === null ? fromLive : fromLive === null ? fromTables : Math.max(fromTables, fromLive);
  const newer = commitAt !== null && (m.commitAt === null || commitAt > m.commitAt);
  return {
    ...m,
    commitAt: newer ? commitAt : m.commitAt,
    // The newest watermark seen: a cached answer never moves it back.
    completeThrough:
      m.completeThrough === null || s.rtCompleteThrough === null
        ? (s.rtCompleteThrough ?? m.completeThrough)
        : Math.max(m.completeThrough, s.rtCompleteThrough),
    unreachableSince: null,
    trinoDownSince: s.trinoReachable ? null : (m.trinoDownSince ?? s.receivedAt),
    liveVersion: liveVersion ?? m.liveVersion,
  };
}

/** A health request failed (no answer, or not one the screen can read). */
export const onUnreachable = (m: KioskMemory, at: number): KioskMemory => ({ ...m, unreachableSince: m.unreachableSince ?? at });

export interface KioskStatus {
  /** Amber frame around the whole screen. */
  readonly amber: boolean;
  /** Large line under the frame's top edge; null when all is well. */
  readonly headline: string | null;
  /** Seconds since the last commit, when one is known. */
  readonly commitAgeSeconds: number | null;
  /** "last commit 40 s ago" / "last commit 7 min ago", when one is known. */
  readonly lastCommitText: string | null;
  /** "data through 12:03 UTC", when known. */
  readonly through: string | null;
}

const ageText = (seconds: number) => (seconds < 60 ? `${seconds} s` : fmtAge(seconds / 3600));

export function kioskStatus(m: KioskMemory, now: number, staleMinutes: number, tz: string): KioskStatus {
  const thresholdMs = staleMinutes * 60_000;
  const commitAge = m.commitAt === null ? null : Math.max(0, now - m.commitAt);
  const through = m.completeThrough === null ? null : `data through ${fmtTime(m.completeThrough, tz)} ${zoneLabel(tz, m.completeThrough)}`;
  const commitAgeSeconds = commitAge === null ? null : Math.floor(commitAge / 1000);
  const stale = commitAge !== null ? commitAge >= thresholdMs : now - m.startedAt >= thresholdMs && (m.unreachableSince !== null || m.trinoDownSince !== null);
  const lastCommitText = commitAgeSeconds === null ? null : `last commit ${ageText(commitAgeSeconds)} ago`;
  const lastCommit = lastCommitText ?? "no commit seen";
  const outage =
    m.unreachableSince !== null
      ? { what: "Pulse server unreachable", since: m.unreachableSince }
      : m.trinoDownSince !== null
        ? { what: "Trino unreachable", since: m.trinoDownSince }
        : null;
  let headline: string | null = null;
  if (outage) {
    const lasted = ageText(Math.floor(Math.max(0, now - outage.since) / 1000));
    headline = `${outage.what} for ${lasted}: reconnecting · ${lastCommit}`;
  } else if (stale && commitAgeSeconds !== null) {
    headline = `No new data for ${ageText(commitAgeSeconds)}: the pipeline has not committed since`;
  }
  return { amber: stale, headline, commitAgeSeconds, lastCommitText, through };
}
