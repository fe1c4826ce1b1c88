"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { withKiosk } from "@/lib/dashboard/kiosk-params";
import { type CycleItem, frameLoaded, itemsChanged, startCycle, tick } from "@/lib/dashboard/playlist-cycle";
import type { Playlist } from "@/lib/dashboard/playlists";
import { api } from "@/lib/dashboard/query-keys";
import { useDailyReload } from "../kiosk/reload";

/** How often the player looks for edits of its playlist (and, while it has none, for the store). */
const EDIT_POLL_MS = 60_000;
const RETRY_POLL_MS = 10_000;

/**
 * Plays a playlist on a wall screen (lib/dashboard/playlist-cycle.ts): two full-screen frames, each a
 * page in kiosk mode; the next view loads behind the one on screen, so a change never flashes empty
 * panels. Each frame's page shows its own watermark and amber frame. Edits are picked up within a
 * minute; if the store goes away the last list keeps playing.
 */
export function PlaylistPlayer({
  id,
  initial,
  unavailable,
  staleMinutes,
}: {
  id: number;
  initial: Playlist | null;
  unavailable: string | null;
  staleMinutes: number;
}) {
  const q = useQuery({
    ...api.playlist(id),
    ...(initial ? { initialData: { data: initial } } : {}),
    refetchInterval: (query) => (query.state.data ? EDIT_POLL_MS : RETRY_POLL_MS),
  });
  const playlist = q.data?.data ?? null;
  const itemsKey = JSON.stringify(playlist?.items.map((i) => [i.url, i.dwellSeconds]) ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: itemsKey is the items' content; a refetch with the same list must not restart the cycle
  const items: CycleItem[] = useMemo(
    () => (playlist?.items ?? []).map((i) => ({ url: withKiosk(i.url, staleMinutes), dwellSeconds: i.dwellSeconds })),
    [itemsKey, staleMinutes],
  );
  const [state, setState] = useState(() => startCycle(items, Date.now()));
  useDailyReload();
  // The frames are made in the browser only: a frame in the server's HTML would load before React
  // hydrates, and its load event (which the cycle waits for) would be missed.
  const [mounted, setMounted] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the player mounts; later lists go through itemsChanged
  useEffect(() => {
    setMounted(true);
    setState(startCycle(items, Date.now()));
  }, []);

  useEffect(() => {
    setState((s) => itemsChanged(s, items, Date.now()));
  }, [items]);
  useEffect(() => {
    const timer = setInterval(() => setState((s) => tick(s, items, Date.now())), 250);
    return () => clearInterval(timer);
  }, [items]);

  const deleted = (q.error as { status?: number } | null)?.status === 404;
  if (!playlist || deleted) {
    return (
      <div className="fixed inset-0 flex items-center justify-center p-12 text-center text-2xl" role="alert" data-testid="playlist-unavailable">
        <div data-kiosk-player hidden />
        {deleted
          ? "This playlist was deleted."
          : `The playlist cannot be read now (${q.error?.message ?? unavailable ?? "loading"}). Trying again every ${RETRY_POLL_MS / 1000} s.`}
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="fixed inset-0 flex items-center justify-center text-2xl" data-testid="playlist-empty">
        <div data-kiosk-player hidden />
        This playlist has no views.
      </div>
    );
  }
  const current = playlist.items[state.index];
  return (
    <div className="fixed inset-0 bg-slate-50 dark:bg-slate-950">
      <div data-kiosk-player hidden />
      {([0, 1] as const).map((k) => {
        const frame = state.frames[k];
        if (!mounted || frame.url === null) return null;
        const shown = state.active === k;
        const url = frame.url;
        return (
          <iframe
            key={k}
            src={url}
            title={shown ? `${playlist.name}: view ${state.index + 1}` : "the next view, loading"}
            // The hidden frame keeps its full size (charts lay out right) and stays live; it is just not seen.
            className={`absolute inset-0 h-full w-full border-0 ${shown ? "z-10 opacity-100" : "pointer-events-none z-0 opacity-0"}`}
            aria-hidden={!shown}
            tabIndex={shown ? 0 : -1}
            data-testid="playlist-frame"
            data-active={shown ? "true" : "false"}
            data-shown-at={shown ? state.shownAt : undefined}
            data-item={frame.item}
            data-loaded={frame.loaded ? "true" : "false"}
            onLoad={() => setState((s) => frameLoaded(s, k, url))}
          />
        );
      })}
      <div className="pointer-events-none absolute bottom-0 left-0 z-20 w-full">
        <div
          className="mb-3 ml-4 inline-block rounded-lg bg-white/90 px-4 py-1.5 text-xl text-slate-700 shadow dark:bg-slate-900/90 dark:text-slate-200"
          data-testid="playlist-position"
        >
          {playlist.name} · {state.index + 1} / {items.length}
          {current?.viewName ? ` · ${current.viewName}` : ""}
        </div>
        {items.length > 1 && (
          <div
            key={state.shownAt}
            className="h-1 origin-left bg-rose-500/70"
            style={{ animation: `pulse-dwell ${items[state.index]!.dwellSeconds}s linear forwards` }}
          />
        )}
      </div>
    </div>
  );
}
