"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { Envelope } from "@/lib/dashboard/envelope";
import { rtLoadingText } from "@/lib/dashboard/rt-progress";
import { Skeleton } from "./skeleton";
import { StaleBadge } from "./stale-badge";
import { WatermarkLabel } from "./watermark-label";

interface PanelProps<T> {
  readonly title: string;
  readonly query: UseQueryResult<Envelope<T>>;
  readonly tz: string;
  /** "minute": RT watermark ("complete through 12:03"); "day": the daily mart's built days. */
  readonly watermarkKind: "minute" | "day";
  readonly isEmpty: (data: T) => boolean;
  readonly emptyText: string;
  readonly actions?: ReactNode;
  readonly skeletonClass?: string;
  readonly testId?: string;
  readonly children: (data: T) => ReactNode;
}

/**
 * Every widget's frame: title, data watermark, stale badge, the SQL it ran, and the loading,
 * empty and error states. Data already on screen stays while a refresh runs or fails. While the RT
 * history loads the body says so instead of drawing zeros of minutes nobody has processed.
 */
export function Panel<T>(p: PanelProps<T>) {
  const [showSql, setShowSql] = useState(false);
  const { data, isPending, isError, error, isFetching, refetch } = p.query;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid={p.testId}
      aria-busy={isFetching}
    >
      <header className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{p.title}</h2>
        {data && <WatermarkLabel meta={data.meta} tz={p.tz} kind={p.watermarkKind} />}
        {data && <StaleBadge meta={data.meta} refreshError={isError ? (error as Error).message : undefined} />}
        {isFetching && data && (
          <span className="text-xs text-slate-400" role="status" aria-label="refreshing">
            ↻
          </span>
        )}
        <div className="ml-auto flex items-center gap-2 kiosk:hidden">
          {p.actions}
          {data && (
            <button
              type="button"
              onClick={() => setShowSql((v) => !v)}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
              aria-expanded={showSql}
            >
              {showSql ? "Hide SQL" : "SQL"}
            </button>
          )}
        </div>
      </header>
      {showSql && data && (
        <pre className="mb-3 max-h-72 overflow-auto rounded bg-slate-100 p-3 text-xs leading-relaxed dark:bg-slate-950" data-testid="panel-sql">
          {data.meta.sql}
        </pre>
      )}
      {data ? (
        data.meta.rtLoading ? (
          <p className="py-10 text-center text-sm text-slate-500" data-testid="panel-rt-loading">
            {data.meta.rtLoading.seed === null
              ? "No minute has been processed yet: waiting for the first micro-batch."
              : `Real-time numbers appear once history is loaded (${rtLoadingText(data.meta.rtLoading.seed)}).`}
          </p>
        ) : p.isEmpty(data.data) ? (
          <p className="py-10 text-center text-sm text-slate-500" data-testid="panel-empty">
            {p.emptyText}
          </p>
        ) : (
          p.children(data.data)
        )
      ) : isPending ? (
        <Skeleton className={p.skeletonClass ?? "h-48"} />
      ) : (
        <div className="py-8 text-center text-sm" role="alert" data-testid="panel-error">
          <p className="text-red-600 dark:text-red-400">{(error as Error | null)?.message ?? "failed to load"}</p>
          <button type="button" onClick={() => void refetch()} className="mt-3 rounded border border-slate-300 px-3 py-1 text-xs dark:border-slate-700">
            Retry
          </button>
        </div>
      )}
    </section>
  );
}
