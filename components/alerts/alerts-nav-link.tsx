"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { api } from "@/lib/dashboard/query-keys";

/** The nav's "Alerts" link, with a red count of the rules firing now (read every 15 s; nothing without the operational store). */
export function AlertsNavLink() {
  const { data } = useQuery({ ...api.alertSummary(), refetchInterval: 15_000, retry: false });
  const firing = data?.data.firing ?? 0;
  return (
    <Link
      href="/alerts"
      className="flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
      data-testid="nav-alerts"
      aria-label={firing > 0 ? `Alerts: ${firing} firing` : "Alerts"}
    >
      Alerts
      {firing > 0 && (
        <span className="rounded-full bg-red-600 px-1.5 py-0.5 text-[10px] font-semibold leading-none text-white" data-testid="alerts-badge">
          {firing}
        </span>
      )}
    </Link>
  );
}
