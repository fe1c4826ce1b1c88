"use client";
import { useEffect } from "react";
/**
 * A full reload for a wall screen, but only into a server that answers: a reload while the server
 * or the network is down would leave the browser's own error page, which never retries. Tries again
 * every `retryMs` until the server answers (any HTTP status: a 503 from a Trino outage still serves
 * the page, which then shows its own state).
 */
export function reloadWhenServerAnswers(retryMs = 15_000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = async () => {
    try {
      await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(10_000) });
      if (!stopped) window.location.reload();
    } catch {
      if (!stopped) timer = setTimeout(attempt, retryMs);
    }
  };
  void attempt();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Once a day (plus up to an hour, so a room of screens does not reload at once): weeks of uptime without a slow leak. */
const DAILY_RELOAD_MS = 24 * 3_600_000;
const reloadJitterMs = () => Math.floor(Math.random() * 3_600_000);

/**
 * A kiosk page reloads itself once a day, into a server that answers (reload.ts). Not inside a
 * playlist's frame: the player reloads itself, frames and all, so a shown view never blinks.
 */
export function useDailyReload(): void {
  useEffect(() => {
    if (window.self !== window.top) return;
    let cancel: (() => void) | undefined;
    const timer = setTimeout(() => {
      cancel = reloadWhenServerAnswers();
    }, DAILY_RELOAD_MS + reloadJitterMs());
    return () => {
      clearTimeout(timer);
      cancel?.();
    };
  }, []);
}
