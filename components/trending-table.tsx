"use client";
import Link from "next/link";
import { fmt2, fmtAge, fmtInt } from "@/lib/dashboard/format";
import type { TrendingRow } from "@/lib/dashboard/models";

export function TrendingTable({ rows, tz }: { rows: readonly TrendingRow[]; tz: string }) {
  const q = tz === "UTC" ? "" : `?tz=${encodeURIComponent(tz)}`;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="trending-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-2">#</th>
            <th className="py-2 pr-2">Video</th>
            <th className="py-2 pr-2">Category</th>
            <th className="py-2 pr-2 text-right" title="plays per minute over the velocity window">
              Velocity
            </th>
            <th className="py-2 pr-2 text-right" title="change of velocity per minute">
              Acceleration
            </th>
            <th className="py-2 pr-2 text-right">Age</th>
            <th className="py-2 pr-2 text-right">Plays</th>
            <th className="py-2 text-right">Impressions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.videoId} className="border-t border-slate-100 dark:border-slate-800" data-testid="trending-row">
              <td className="py-1.5 pr-2 text-slate-500">{r.rank}</td>
              <td className="py-1.5 pr-2">
                <Link
                  prefetch={false}
                  href={`/videos/${encodeURIComponent(r.videoId)}${q}`}
                  className="font-mono text-rose-700 hover:underline dark:text-rose-300"
                >
                  {r.videoId}
                </Link>
              </td>
              <td className="py-1.5 pr-2">{r.category ?? "—"}</td>
              <td className="py-1.5 pr-2 text-right font-medium" data-testid="velocity">
                {fmt2(r.velocity)}
              </td>
              <td className={`py-1.5 pr-2 text-right ${r.acceleration >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400"}`}>
                {r.acceleration >= 0 ? "+" : ""}
                {r.acceleration.toFixed(3)}
              </td>
              <td className="py-1.5 pr-2 text-right">{r.ageHours === null ? "—" : fmtAge(r.ageHours)}</td>
              <td className="py-1.5 pr-2 text-right">{fmtInt(r.plays)}</td>
              <td className="py-1.5 text-right">{fmtInt(r.impressions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
