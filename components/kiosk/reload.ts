"use client";
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
export const KIOSK_DAILY_RELOAD_MS = 24 * 3_600_000;
export const kioskReloadJitterMs = () => Math.floor(Math.random() * 3_600_000);
