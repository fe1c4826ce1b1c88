"use client";
import Link from "next/link";
import { type AlertRule, describeCondition } from "@/lib/dashboard/alerts";
import { fmtDateTime, fmtSig } from "@/lib/dashboard/format";
import { api } from "@/lib/dashboard/query-keys";
import { TokenButton, useRowWrite, WriteError } from "../write-controls";

const STATUS_STYLE = {
  firing: "bg-red-600 text-white",
  pending: "bg-amber-500 text-white",
  ok: "bg-emerald-600/15 text-emerald-700 dark:text-emerald-300",
} as const;

/** Every rule with its state now: status and since when, the newest minute's value, baseline and z, and where it sends. */
export function RulesTable({ rules }: { rules: readonly AlertRule[] }) {
  const { run, error } = useRowWrite((k) => k[0] === api.alertRules().queryKey[0]);
  const remove = async (r: AlertRule) => {
    if (!window.confirm(`Delete the rule "${r.name}"? Its history stays.`)) return;
    await run("DELETE", `/api/alerts/rules/${r.id}`);
  };
  if (rules.length === 0) return <p className="py-6 text-center text-sm text-slate-500">No rules yet: add one below, or POST one to /api/alerts/rules.</p>;
  return (
    <div className="overflow-x-auto">
      <WriteError error={error} />
      <table className="w-full text-left text-sm" data-testid="alert-rules">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Rule</th>
            <th className="py-1 pr-3">Watches</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3 text-right">Last value</th>
            <th className="py-1 pr-3 text-right">Baseline · z</th>
            <th className="py-1 pr-3">Sends to</th>
            <th className="py-1" />
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800" data-testid={`alert-rule-${r.id}`} data-status={r.status}>
              <td className="py-1.5 pr-3 font-medium">
                {r.name}
                <div className="text-xs font-normal text-slate-500">by {r.author}</div>
              </td>
              <td className="py-1.5 pr-3">
                {r.target.scope === "video" ? (
                  <Link className="underline" href={`/videos/${encodeURIComponent(r.target.videoId)}`}>
                    {r.target.videoId}
                  </Link>
                ) : (
                  <Link className="underline" href="/">
                    platform
                  </Link>
                )}
                <div className="text-xs text-slate-500">{describeCondition(r)}</div>
              </td>
              <td className="py-1.5 pr-3">
                <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[r.status]}`}>{r.status}</span>
                {r.statusSince !== null && <div className="text-xs text-slate-500">since {fmtDateTime(r.statusSince, "UTC")} UTC</div>}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{r.evaluatedThrough === null ? "not evaluated yet" : fmtSig(r.lastValue)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                {r.condition.kind === "anomaly" ? `${fmtSig(r.lastBaseline)} · z ${fmtSig(r.lastZ)}` : "—"}
              </td>
              <td className="py-1.5 pr-3 text-xs text-slate-500">{r.webhookUrl ?? "server default / in-app"}</td>
              <td className="py-1.5 text-right">
                <TokenButton label="Delete" title="Delete this rule" onClick={() => remove(r)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
