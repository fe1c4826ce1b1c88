/**
 * One simulated browser tab on the live stream: GET /api/live/pulse over node:http, its events
 * parsed as they arrive (sse-parser.ts), with the receipt time of each one (taken when its last
 * chunk came off the socket, before any parsing). Like EventSource it tracks the version it holds;
 * a delta whose `base` is not that version is counted (a browser would have to reconnect). It never
 * reconnects itself: a stream the server ends is a disconnect the benchmark reports.
 */
import http from "node:http";
import { versionOfEventId } from "../../../lib/server/live/live-view";
import { SseParser } from "./sse-parser";

/** Wall-clock ms with sub-ms resolution, comparable with the server's and Trino's timestamps. */
export const nowMs = () => performance.timeOrigin + performance.now();

export interface SubscriberState {
  readonly index: number;
  readonly requestedAt: number;
  status: number | undefined;
  /** When the response headers came (the server had accepted, routed and answered the request). */
  headersAt: number | undefined;
  snapshotAt: number | undefined;
  snapshotChars: number;
  /** Snapshots after the first: the server could not give a delta. */
  extraSnapshots: number;
  /** The SSE id of what this subscriber holds. */
  version: string | undefined;
  /** Receipt time of each commit's first delta event, by commit (versionOfEventId, live-view.ts). */
  readonly deltas: Map<string, number>;
  /** Receipt time of each commit's last delta event so far: all its panels, once the view has sent them. */
  readonly lastDeltas: Map<string, number>;
  baseMismatches: number;
  readonly statusEvents: string[];
  keepalives: number;
  /** First failure: HTTP status, network error, or the server ending the stream. */
  error: string | undefined;
  closing: boolean;
}

export interface SubscriberHandle {
  readonly state: SubscriberState;
  close(): void;
}

export function subscribe(url: URL, index: number, agent: http.Agent, onDelta: (id: string, at: number) => void): SubscriberHandle {
  const state: SubscriberState = {
    index,
    requestedAt: nowMs(),
    status: undefined,
    headersAt: undefined,
    snapshotAt: undefined,
    snapshotChars: 0,
    extraSnapshots: 0,
    version: undefined,
    deltas: new Map(),
    lastDeltas: new Map(),
    baseMismatches: 0,
    statusEvents: [],
    keepalives: 0,
    error: undefined,
    closing: false,
  };
  const fail = (msg: string) => {
    if (!state.closing) state.error ??= msg;
  };
  const parser = new SseParser();
  const req = http.get(url, { agent, headers: { Accept: "text/event-stream", "Cache-Control": "no-cache" } }, (res) => {
    state.status = res.statusCode;
    state.headersAt = nowMs();
    if (res.statusCode !== 200) {
      fail(`HTTP ${res.statusCode}${res.headers["retry-after"] ? ` (Retry-After ${res.headers["retry-after"]})` : ""}`);
      res.resume();
      return;
    }
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      const at = nowMs();
      for (const ev of parser.push(chunk)) {
        if (ev.event === "snapshot") {
          if (state.snapshotAt === undefined) {
            state.snapshotAt = at;
            state.snapshotChars = ev.data.length;
          } else {
            state.extraSnapshots += 1;
          }
          state.version = ev.id;
        } else if (ev.event === "delta" && ev.id !== undefined) {
          let base: unknown;
          try {
            base = (JSON.parse(ev.data) as { base?: unknown }).base;
          } catch {
            base = undefined;
          }
          if (base !== state.version) state.baseMismatches += 1;
          state.version = ev.id;
          const commit = versionOfEventId(ev.id);
          if (!state.deltas.has(commit)) state.deltas.set(commit, at);
          state.lastDeltas.set(commit, at);
          onDelta(commit, at);
        } else if (ev.event === "status") {
          state.statusEvents.push(ev.data);
        }
      }
      state.keepalives = parser.comments;
    });
    res.on("error", (err) => fail(`stream error: ${err.message}`));
    res.on("close", () => fail("stream ended by the server"));
  });
  req.on("error", (err: NodeJS.ErrnoException) => fail(`${err.code ?? err.name}: ${err.message}`));
  return {
    state,
    close() {
      state.closing = true;
      req.destroy();
    },
  };
}
