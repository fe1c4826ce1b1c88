"use client";
import { type AlertEvent, METRIC_LABELS } from "@/lib/dashboard/alerts";
import { fmtDateTime, fmtSig } from "@/lib/dashboard/format";
import { api } from "@/lib/dashboard/query-keys";
import { TokenButton, useRowWrite, WriteError } from "../write-controls";

const DELIVERY_TEXT = { none: "in-app only", pending: "sending", delivered: "delivered", dead: "dead letter" } as const;

/** The history, newest first: what fired or resolved at which minute, the numbers, and how the webhook took it. */
export function EventsTable({ events }: { events: readonly AlertEvent[] }) {
  const { run, error } = useRowWrite((k) => k[0] === api.alertEvents().queryKey[0]);
  const redeliver = (e: AlertEvent) => run("POST", `/api/alerts/events/${e.id}/redeliver`);
  if (events.length === 0) return <p className="py-6 text-center text-sm text-slate-500">Nothing has fired yet.</p>;
  return (
    <div className="overflow-x-auto">
      <WriteError error={error} />
      <table className="w-full text-left text-sm" data-testid="alert-events">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Minute (UTC)</th>
            <th className="py-1 pr-3">Rule</th>
            <th className="py-1 pr-3">Event</th>
            <th className="py-1 pr-3 text-right">Value</th>
            <th className="py-1 pr-3 text-right">Baseline · z</th>
            <th className="py-1">Webhook</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 dark:border-slate-800" data-testid="alert-event" data-kind={e.kind} data-delivery={e.delivery}>
              <td className="py-1.5 pr-3 tabular-nums">{fmtDateTime(e.minute, "UTC")}</td>
              <td className="py-1.5 pr-3">
                {e.ruleName}
                <div className="text-xs text-slate-500">
                  {e.target.scope === "video" ? `video ${e.target.videoId}` : "platform"} · {METRIC_LABELS[e.target.metric]}
                </div>
              </td>
              <td className={`py-1.5 pr-3 font-semibold ${e.kind === "firing" ? "text-red-600" : "text-emerald-600"}`}>{e.kind}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{fmtSig(e.value)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{e.z === null ? "—" : `${fmtSig(e.baseline)} · z ${fmtSig(e.z)}`}</td>
              <td className="py-1.5 text-xs">
                <span className={e.delivery === "dead" ? "font-semibold text-red-600" : "text-slate-500"}>
                  {e.delivery === "pending" && e.attempts > 0 ? "retrying" : DELIVERY_TEXT[e.delivery]}
                </span>
                {e.attempts > 0 && (
                  <span className="text-slate-500">
                    {" "}
                    · {e.attempts} attempt{e.attempts === 1 ? "" : "s"}
                  </span>
                )}
                {e.deliveredAt !== null && (
                  <span className="text-slate-500"> · {Math.max(0, Math.round((e.deliveredAt - e.createdAt) / 100) / 10)} s after recording</span>
                )}
                {e.lastError && e.delivery !== "delivered" && <div className="text-slate-500">{e.lastError}</div>}
                {e.delivery === "dead" && <TokenButton label="Redeliver" title="Send it again" className="mt-1" onClick={() => redeliver(e)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
