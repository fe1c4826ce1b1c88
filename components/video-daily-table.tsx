import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { VideoDay } from "@/lib/dashboard/models";

/** Rows newest first. The newest day's retention, while NULL, is pending rather than missing. */
export function VideoDailyTable({ rows }: { rows: readonly VideoDay[] }) {
  const newest = rows[0]?.date;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="video-daily-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-2">Date (UTC)</th>
            <th className="py-2 pr-2">Category that day</th>
            <th className="py-2 pr-2 text-right">Watch hours</th>
            <th className="py-2 pr-2 text-right">Completion</th>
            <th className="py-2 pr-2 text-right">Unique viewers</th>
            <th className="py-2 text-right">D1 retention</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5 pr-2 font-mono">{r.date}</td>
              <td className="py-1.5 pr-2">{r.category ?? "—"}</td>
              <td className="py-1.5 pr-2 text-right">{fmt2(r.watchHours)}</td>
              <td className="py-1.5 pr-2 text-right">{fmtPct(r.completionRate)}</td>
              <td className="py-1.5 pr-2 text-right">{fmtInt(r.uniqueViewers)}</td>
              <td className="py-1.5 text-right" data-testid="video-daily-retention">
                {r.retentionD1 === null && r.date === newest ? <span className="text-slate-500">not yet known</span> : fmtPct(r.retentionD1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
