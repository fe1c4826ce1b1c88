"use client";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { pulseHref } from "@/app/(pulse)/search-params";
import { LiveControls } from "@/components/controls/live-controls";
import { useLive } from "@/components/live/use-live";
import { useDataUpdatedAt } from "@/components/use-query-cache";
import { videoParams, videoQueries } from "./search-params";

function useVideoState(videoId: string) {
  const [params, setParams] = useQueryStates(videoParams);
  const q = useMemo(() => videoQueries(videoId, params), [videoId, params]);
  const live = useLive({ stream: q.stream, seconds: params.refresh });
  return { videoId, params, setParams, q, live };
}

type VideoState = ReturnType<typeof useVideoState>;
const VideoContext = createContext<VideoState | null>(null);

/** The page's URL state, queries and live updates (stream, or polling as its fallback), for its panels (panels.tsx). */
export function useVideoPage(): VideoState {
  const state = useContext(VideoContext);
  if (!state) throw new Error("useVideoPage outside <VideoShell>");
  return state;
}

/**
 * A video page's shell: its header and controls, drawn at once, around the panels, which the server
 * streams in one by one (page.tsx). Holds the URL state and the live updates the panels share: one stream for
 * the whole page, written into the panels' react-query entries.
 */
export function VideoShell({ videoId, children }: { videoId: string; children: ReactNode }) {
  const state = useVideoState(videoId);
  const { params, setParams, q, live } = state;
  const lastUpdated = useDataUpdatedAt([q.summary.queryKey, q.series.queryKey]);
  return (
    <VideoContext value={state}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <Link href={pulseHref("/", { tz: params.tz })} className="text-sm text-slate-500 hover:underline kiosk:hidden">
            ← Pulse
          </Link>
          <h1 className="font-mono text-xl font-semibold" data-testid="video-id">
            {videoId}
          </h1>
          <div className="contents kiosk:hidden">
            <LiveControls tz={params.tz} live={live} lastUpdated={lastUpdated} setParams={setParams} />
          </div>
        </div>
        {children}
      </div>
    </VideoContext>
  );
}
