"use client";
import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { CategorySelect } from "@/components/controls/category-select";
import { DateRangeInputs } from "@/components/controls/date-range-inputs";
import { useCachedData } from "@/components/use-query-cache";
import type { Envelope } from "@/lib/dashboard/envelope";
import { api } from "@/lib/dashboard/query-keys";
import { dailyParams, dailyQueries } from "./search-params";

function useDailyState() {
  const [params, setParams] = useQueryStates(dailyParams);
  const q = useMemo(() => dailyQueries(params), [params]);
  // The dates the server resolved for an open range (the last 7 built days): the category trends'
  // answer, read from the cache, not fetched here (its panel has it, once the server streamed it).
  const resolved = useCachedData<Envelope<{ from: string; to: string }>>(q.categories.queryKey)?.data;
  const from = params.from ?? resolved?.from;
  const to = params.to ?? resolved?.to;
  const fileSuffix = `${from ?? ""}-to-${to ?? ""}${params.category ? `-${params.category}` : ""}`;
  return { params, setParams, q, from, to, fileSuffix };
}

type DailyState = ReturnType<typeof useDailyState>;
const DailyContext = createContext<DailyState | null>(null);

/** The page's URL state, queries and resolved dates, for its panels (panels.tsx). */
export function useDailyPage(): DailyState {
  const state = useContext(DailyContext);
  if (!state) throw new Error("useDailyPage outside <DailyShell>");
  return state;
}

/** The daily page's shell: its controls, drawn at once, around the panels the server streams in one by one (page.tsx). */
export function DailyShell({ children }: { children: ReactNode }) {
  const state = useDailyState();
  const { params, setParams, from, to } = state;
  const coverage = useQuery({ ...api.dailyCoverage(), staleTime: 60_000 });
  return (
    <DailyContext value={state}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="mr-2 text-xl font-semibold">Daily marts</h1>
          <div className="contents kiosk:hidden">
            <DateRangeInputs
              key={`${from}|${to}`}
              from={from}
              to={to}
              min={coverage.data?.data.firstDate ?? undefined}
              max={coverage.data?.data.lastDate ?? undefined}
              onChange={(f, t) => setParams({ from: f, to: t })}
            />
            <CategorySelect value={params.category} onChange={(category) => setParams({ category })} />
          </div>
          <span className="text-xs text-slate-500 kiosk:hidden">Dates are UTC days, the mart&apos;s grain.</span>
          <span className="hidden text-slate-500 kiosk:inline">
            {from} to {to} (UTC days){params.category ? `, ${params.category}` : ""}
          </span>
        </div>
        {children}
      </div>
    </DailyContext>
  );
}
