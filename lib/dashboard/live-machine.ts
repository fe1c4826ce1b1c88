/**
 * The live stream's connection state, as a pure reducer (components/live/use-live-stream.ts feeds it
 * the EventSource's and the page's events and opens a stream whenever `attempt` changes while
 * `wantsStream`):
 *
 *   connecting --open/data--> live --error--> reconnecting --retry (after a backoff)--> connecting
 *   connecting/live --error, the MAX_FAILURES-th in a row--> polling --retry (every minute)--> connecting
 *   any --pause--> paused --resume--> connecting;  any but paused --hide--> hidden --show--> connecting
 *   connecting/live --resync (a delta that does not fit)--> connecting, from a snapshot
 *   unsupported (no EventSource) --> polling for good
 *
 * Only `polling` polls the JSON routes (the refresh period applies there alone); paused and hidden
 * neither stream nor poll.
 */

export const MAX_FAILURES = 3;
export const POLLING_RETRY_MS = 60_000;

export type LiveMode = "connecting" | "live" | "reconnecting" | "paused" | "hidden" | "polling";

export interface LiveState {
  readonly mode: LiveMode;
  /** Failed connections in a row (reset by an open stream). */
  readonly failures: number;
  /** Bumped whenever a new stream must be opened. */
  readonly attempt: number;
  /** The server's word that Trino is unreachable and panels show the last good data, or null. */
  readonly degraded: string | null;
  /** False without EventSource: the page polls for good. */
  readonly supported: boolean;
}

export type LiveEvent =
  | { readonly type: "open" }
  | { readonly type: "data" }
  | { readonly type: "status"; readonly state: "live" | "degraded"; readonly reason?: string }
  | { readonly type: "error" }
  | { readonly type: "retry" }
  | { readonly type: "resync" }
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  | { readonly type: "hide" }
  | { readonly type: "show" }
  | { readonly type: "unsupported" };

export const initialLiveState: LiveState = { mode: "connecting", failures: 0, attempt: 0, degraded: null, supported: true };

const streaming = (s: LiveState) => s.mode === "connecting" || s.mode === "live";
const connect = (s: LiveState): LiveState => ({ ...s, mode: "connecting", attempt: s.attempt + 1 });

export function liveReducer(s: LiveState, e: LiveEvent): LiveState {
  switch (e.type) {
    case "unsupported":
      return { ...s, mode: s.mode === "paused" || s.mode === "hidden" ? s.mode : "polling", supported: false };
    case "pause":
      return { ...s, mode: "paused" };
    case "resume":
      if (s.mode !== "paused") return s;
      return s.supported ? connect(s) : { ...s, mode: "polling" };
    case "hide":
      return s.mode === "paused" ? s : { ...s, mode: "hidden" };
    case "show":
      if (s.mode !== "hidden") return s;
      // Coming back is a natural moment to try the stream again, even after falling back to polling.
      return s.supported ? connect(s) : { ...s, mode: "polling" };
    case "open":
    case "data":
      // Unchanged state is the same object: a steady stream does not re-render the page.
      return !streaming(s) || (s.mode === "live" && s.failures === 0) ? s : { ...s, mode: "live", failures: 0 };
    case "status":
      return { ...s, degraded: e.state === "degraded" ? (e.reason ?? "the server cannot reach Trino") : null };
    case "error": {
      if (!streaming(s)) return s;
      const failures = s.failures + 1;
      return { ...s, failures, mode: failures >= MAX_FAILURES ? "polling" : "reconnecting", degraded: null };
    }
    case "retry":
      return (s.mode === "reconnecting" || s.mode === "polling") && s.supported ? connect(s) : s;
    case "resync":
      return streaming(s) ? connect(s) : s;
  }
}

/** Whether a stream should be open. */
export const wantsStream = (s: LiveState) => streaming(s);

/** How long `reconnecting` waits before `retry`: 1 s, 2 s, 4 s … at most 15 s; `polling` retries every minute. */
export function retryDelayMs(s: LiveState): number | null {
  if (s.mode === "reconnecting") return Math.min(15_000, 1_000 * 2 ** Math.max(0, s.failures - 1));
  if (s.mode === "polling" && s.supported) return POLLING_RETRY_MS;
  return null;
}

/** What the page says about its updates. */
export function liveLabel(s: LiveState, refreshSeconds: number): string {
  const every = refreshSeconds < 60 ? `${refreshSeconds} s` : `${refreshSeconds / 60} min`;
  switch (s.mode) {
    case "live":
      return s.degraded ? "Live, Trino unreachable: last good data" : "Live";
    case "connecting":
      return s.failures === 0 ? "Connecting…" : "Reconnecting…";
    case "reconnecting":
      return "Reconnecting…";
    case "paused":
      return "Paused";
    case "hidden":
      return "Paused while the tab is hidden";
    case "polling":
      return `Polling every ${every}`;
  }
}
