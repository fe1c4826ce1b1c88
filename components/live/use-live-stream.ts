"use client";
/**
 * One Server-Sent Events stream per page, carrying all its live panels. Its events are written into
 * react-query's cache under the keys the panels read, so the panels stay plain useQuery readers and
 * polling (use-live.ts) is only the fallback. The connection's life is the pure reducer in
 * lib/dashboard/live-machine.ts; what an event writes is decided by lib/dashboard/live-apply.ts.
 *
 * - Opens with `?since=<version>` when the server-rendered panels share a version (no snapshot
 *   needed), and resumes the same way after a reconnect, a pause or a hidden tab.
 * - A delta whose `base` is not the version on screen is ignored and the stream reopened without
 *   `since`, for a snapshot.
 * - Errors reconnect with a backoff; MAX_FAILURES in a row (or no EventSource at all) fall back to
 *   polling, and the stream is tried again every minute and when the tab comes back.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef } from "react";
import type { Envelope } from "@/lib/dashboard/envelope";
import { type PanelKeys, type Plan, planDelta, planSnapshot, type ReadCache, resumeVersion } from "@/lib/dashboard/live-apply";
import { initialLiveState, type LiveState, liveReducer, retryDelayMs, wantsStream } from "@/lib/dashboard/live-machine";
import { parseDelta, parseSnapshot, parseStatus } from "@/lib/dashboard/live-messages";

/** `url` with `since=<version>` added (the URL may already have a query string). */
export function withSince(url: string, since: string | null): string {
  if (since === null) return url;
  return `${url}${url.includes("?") ? "&" : "?"}since=${encodeURIComponent(since)}`;
}

export function useLiveStream({ url, panels, paused }: { url: string; panels: PanelKeys; paused: boolean }): LiveState {
  const client = useQueryClient();
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  // The version on screen, updated as events are applied (two events may arrive before a render).
  const version = useRef<string | null>(null);
  const keys = useRef(panels);
  keys.current = panels;
  const read: ReadCache = (key) => client.getQueryData<Envelope<unknown>>(key);

  useEffect(() => {
    if (typeof EventSource === "undefined") dispatch({ type: "unsupported" });
    const onVisibility = () => dispatch({ type: document.visibilityState === "hidden" ? "hide" : "show" });
    onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  useEffect(() => dispatch({ type: paused ? "pause" : "resume" }), [paused]);

  // Another URL (range, zone, filter) is another stream: resume only from what its panels show.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per stream URL; the keys are read through the ref
  useEffect(() => {
    version.current = resumeVersion(keys.current, read);
  }, [url]);

  const want = wantsStream(state);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stream per URL and per attempt, not per render
  useEffect(() => {
    if (!want) return;
    const source = new EventSource(withSince(url, version.current));
    const carryOut = (plan: Plan) => {
      if (!plan.ok) {
        version.current = null;
        dispatch({ type: "resync" });
        return;
      }
      for (const [key, envelope] of plan.writes) client.setQueryData(key, envelope);
      version.current = plan.version;
      dispatch({ type: "data" });
    };
    source.onopen = () => dispatch({ type: "open" });
    source.onerror = () => {
      // Reconnections are ours (backoff, since=, fallback), not the browser's.
      source.close();
      dispatch({ type: "error" });
    };
    source.addEventListener("snapshot", (e) => {
      const msg = parseSnapshot((e as MessageEvent<string>).data);
      carryOut(msg ? planSnapshot(msg, keys.current) : { ok: false, reason: "unreadable snapshot" });
    });
    source.addEventListener("delta", (e) => {
      const msg = parseDelta((e as MessageEvent<string>).data);
      carryOut(msg ? planDelta(msg, version.current, keys.current, read) : { ok: false, reason: "unreadable delta" });
    });
    source.addEventListener("status", (e) => {
      const msg = parseStatus((e as MessageEvent<string>).data);
      if (msg) dispatch({ type: "status", ...msg });
    });
    return () => source.close();
  }, [url, state.attempt, want]);

  const delay = retryDelayMs(state);
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => dispatch({ type: "retry" }), delay);
    return () => clearTimeout(timer);
  }, [delay]);

  return state;
}
