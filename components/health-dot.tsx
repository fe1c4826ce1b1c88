"use client";
import { rtLoadingText } from "@/lib/dashboard/rt-progress";
import { supervisionBadge } from "@/lib/dashboard/supervision-text";
import { useHealth } from "./use-health";

/**
 * Trino reachability and Gold freshness at a glance, a server the supervisor is restarting, and the
 * ingest's dead letters; details in the tooltips and at /api/health. Polled every 10 s: the Trino
 * part is cached on the server (PULSE_HEALTH_CACHE_SECONDS), the supervisor's part is a file read.
 */
export function HealthDot() {
  const { data, isError } = useHealth();
  // "behind" is the tables' freshness alone: a server being restarted has its own badge, and `ok`
  // (false then too) would otherwise call fresh data behind.
  const behind = data?.tables.some((t) => !t.fresh) === true;
  const state = isError || (data && !data.trino.reachable) ? "down" : data?.rt?.state === "loading" ? "loading" : behind ? "behind" : data ? "ok" : "unknown";
  const color = { down: "bg-red-500", loading: "bg-sky-500", behind: "bg-amber-500", ok: "bg-emerald-500", unknown: "bg-slate-400" }[state];
  // Before the first micro-batch the RT log is not behind, it has not started: say what is happening.
  const label = {
    down: "Trino unreachable",
    loading: rtLoadingText(data?.rt?.seed ?? null),
    behind: "data behind",
    ok: "all fresh",
    unknown: "checking…",
  }[state];
  const dead = data?.ingest?.deadLetters ?? 0;
  const servers = supervisionBadge(data?.supervision ?? null);
  const title = data?.tables.map((t) => `${t.table}: ${t.lagSeconds === null ? "no data" : `${Math.round(t.lagSeconds / 60)} min behind`}`).join("\n");
  return (
    <a
      href="/api/health"
      className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400"
      title={title ?? data?.trino.error}
      data-testid="health"
    >
      <span className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} />
      {label}
      {servers && (
        <span
          className={
            servers.tone === "down"
              ? "rounded bg-red-100 px-1.5 py-0.5 text-red-800 dark:bg-red-900/40 dark:text-red-300"
              : "rounded bg-slate-200 px-1.5 py-0.5 text-slate-700 dark:bg-slate-700 dark:text-slate-200"
          }
          title={servers.detail}
          data-testid="server-status"
        >
          {servers.text}
        </span>
      )}
      {dead > 0 && (
        <span
          className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300"
          title="Kafka records the ingest set aside (bronze.dead_letters): not JSON, a missing field, an unknown event type, …"
          data-testid="dead-letters"
        >
          {dead.toLocaleString("en-US")} dead letter{dead === 1 ? "" : "s"}
        </span>
      )}
    </a>
  );
}
