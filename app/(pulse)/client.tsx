"use client";
import { useQueryStates } from "nuqs";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { LiveControls } from "@/components/controls/live-controls";
import { PinControls } from "@/components/controls/pin-controls";
import { RangePicker } from "@/components/controls/range-picker";
import { useLive } from "@/components/live/use-live";
import { useCachedData, useDataUpdatedAt } from "@/components/use-query-cache";
import type { Envelope } from "@/lib/dashboard/envelope";
import { pulseParams, pulseQueries } from "./search-params";

function usePulseState() {
  const [params, setParams] = useQueryStates(pulseParams);
  const q = useMemo(() => pulseQueries(params), [params]);
  const live = useLive({ stream: q.stream, seconds: params.refresh });
  return { params, setParams, q, live };
}

type PulseState = ReturnType<typeof usePulseState>;
const PulseContext = createContext<PulseState | null>(null);

/** The page's URL state, queries and live updates (stream, or polling as its fallback), for its panels (panels.tsx). */
export function usePulsePage(): PulseState {
  const state = useContext(PulseContext);
  if (!state) throw new Error("usePulsePage outside <PulseShell>");
  return state;
}

/**
 * The Pulse page's shell: its controls, drawn at once, around the panels, which the server streams
 * in one by one (page.tsx). Holds the URL state and the live updates the panels share: one stream for
 * the whole page, written into the panels' react-query entries.
 */
export function PulseShell({ children }: { children: ReactNode }) {
  const state = usePulseState();
  const { params, setParams, q, live } = state;
  const lastUpdated = useDataUpdatedAt([q.series.queryKey, q.kpis.queryKey, q.trending.queryKey]);
  // The watermark the series was read at: "Pin" freezes a preset range as of it.
  const watermark = useCachedData<Envelope<unknown>>(q.series.queryKey)?.meta.watermark ?? null;
  return (
    <PulseContext value={state}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="mr-2 text-xl font-semibold">Live pulse</h1>
          {/* A wall screen (?kiosk=1) shows no controls: nobody is there to use them. */}
          <div className="contents kiosk:hidden">
            <RangePicker key={params.tz} range={params.range} from={params.from} to={params.to} tz={params.tz} onChange={setParams} />
            <LiveControls tz={params.tz} live={live} lastUpdated={lastUpdated} setParams={setParams} />
            <PinControls params={params} watermark={watermark} setParams={setParams} />
          </div>
        </div>
        {(params.category || params.creator) && (
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="cross-filter">
            <span className="text-slate-500">Showing only</span>
            {params.category && (
              <button
                type="button"
                className="rounded-full bg-rose-600/10 px-2 py-0.5 text-rose-700 dark:text-rose-300"
                onClick={() => setParams({ category: null })}
              >
                category {params.category} ✕
              </button>
            )}
            {params.creator && (
              <button
                type="button"
                className="rounded-full bg-rose-600/10 px-2 py-0.5 text-rose-700 dark:text-rose-300"
                onClick={() => setParams({ creator: null })}
              >
                creator {params.creator} ✕
              </button>
            )}
            <span className="text-xs text-slate-500">: the tiles, the chart and the table (videos by their category and creator now).</span>
          </div>
        )}
        {children}
      </div>
    </PulseContext>
  );
}
