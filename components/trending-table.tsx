"use client";
import Link from "next/link";
import { fmt2, fmtAge, fmtInt, fmtPct, fmtSig } from "@/lib/dashboard/format";
import type { TrendingRow } from "@/lib/dashboard/models";
import { freshness } from "@/lib/dashboard/why-it-ranks";
import { Sparkline } from "./sparkline";

/** The row's reasons, shown while its video cell is hovered or focused. */
function WhyItRanks({ r }: { r: TrendingRow }) {
  const f = freshness(r.ageHours);
  return (
    <div
      role="tooltip"
      className="absolute left-0 top-full z-20 mt-1 hidden w-64 rounded-md border border-slate-200 bg-white p-3 text-xs shadow-lg group-focus-within:block group-hover:block dark:border-slate-700 dark:bg-slate-900"
      data-testid="why-it-ranks"
    >
      <div className="mb-1 font-semibold">Why it ranks #{r.rank}</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>Velocity</dt>
        <dd data-testid="why-velocity">{fmt2(r.velocity)} plays/min</dd>
        <dt>Acceleration</dt>
        <dd>
          {r.acceleration >= 0 ? "+" : ""}
          {r.acceleration.toFixed(3)} plays/min²
        </dd>
        <dt>vs day before</dt>
        <dd>
          {r.velocityChange >= 0 ? "+" : "−"}
          {fmt2(Math.abs(r.velocityChange))} (was {fmt2(r.baselineVelocity)})
        </dd>
        <dt>Baseline z</dt>
        <dd data-testid="why-z">{r.baselineZ === null ? "flat before: n/a" : fmtSig(Number(r.baselineZ.toFixed(2)))}</dd>
        <dt>Freshness</dt>
        <dd data-testid="why-freshness">{f === null ? "upload time unknown" : `${fmtPct(f)} (${fmtAge(r.ageHours!)} old)`}</dd>
      </dl>
    </div>
  );
}

/** Clicking a row's category or creator narrows the whole page to it (the cross-filter, kept in the URL). */
export type CrossFilter = (f: { category?: string; creator?: string }) => void;

export function TrendingTable({ rows, tz, onFilter }: { rows: readonly TrendingRow[]; tz: string; onFilter?: CrossFilter }) {
  const q = tz === "UTC" ? "" : `?tz=${encodeURIComponent(tz)}`;
  return (
    <div className="overflow-x-auto lg:overflow-visible">
      <table className="w-full text-sm" data-testid="trending-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-2">#</th>
            <th className="py-2 pr-2">Video</th>
            <th className="kiosk:hidden py-2 pr-2">Category</th>
            <th className="py-2 pr-2" title="plays per minute, last 60 minutes">
              Last hour
            </th>
            <th className="py-2 pr-2 text-right" title="plays per minute over the velocity window">
              Velocity
            </th>
            <th className="kiosk:hidden py-2 pr-2 text-right" title="change of velocity per minute">
              Acceleration
            </th>
            <th className="kiosk:hidden py-2 pr-2 text-right" title="velocity minus the same minutes a day earlier (plays/min)">
              vs day before
            </th>
            <th className="kiosk:hidden py-2 pr-2 text-right">Age</th>
            <th className="py-2 pr-2 text-right">Plays</th>
            <th className="kiosk:hidden py-2 text-right">Impressions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.videoId} className="border-t border-slate-100 dark:border-slate-800" data-testid="trending-row">
              <td className="py-1.5 pr-2 text-slate-500">{r.rank}</td>
              <td className="group relative py-1.5 pr-2">
                <Link
                  prefetch={false}
                  href={`/videos/${encodeURIComponent(r.videoId)}${q}`}
                  className="font-mono text-rose-700 hover:underline dark:text-rose-300"
                >
                  {r.videoId}
                </Link>
                <div className="text-xs text-slate-500" data-testid="video-meta">
                  {r.creatorId ? (
                    <>
                      by{" "}
                      <button
                        type="button"
                        className="underline decoration-dotted"
                        title="Show only this creator's videos"
                        onClick={() => onFilter?.({ creator: r.creatorId! })}
                      >
                        {r.creatorId}
                      </button>
                    </>
                  ) : (
                    "creator unknown"
                  )}
                  {r.hashtags.length > 0 && ` · ${r.hashtags.map((h) => `#${h}`).join(" ")}`}
                </div>
                <WhyItRanks r={r} />
              </td>
              <td className="kiosk:hidden py-1.5 pr-2">
                {r.category ? (
                  <button
                    type="button"
                    className="underline decoration-dotted"
                    title="Show only this category"
                    onClick={() => onFilter?.({ category: r.category! })}
                  >
                    {r.category}
                  </button>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-1.5 pr-2 text-rose-600 dark:text-rose-400">
                <Sparkline values={r.sparkline} label={`${r.videoId}: plays per minute over the last hour`} />
              </td>
              <td className="py-1.5 pr-2 text-right font-medium" data-testid="velocity">
                {fmt2(r.velocity)}
              </td>
              <td
                className={`kiosk:hidden py-1.5 pr-2 text-right ${r.acceleration >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400"}`}
              >
                {r.acceleration >= 0 ? "+" : ""}
                {r.acceleration.toFixed(3)}
              </td>
              <td
                className={`kiosk:hidden py-1.5 pr-2 text-right ${r.velocityChange >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400"}`}
                title={`${fmt2(r.baselineVelocity)} plays/min the same minutes a day earlier`}
                data-testid="velocity-change"
              >
                {r.velocityChange >= 0 ? "+" : "−"}
                {fmt2(Math.abs(r.velocityChange))}
              </td>
              <td className="kiosk:hidden py-1.5 pr-2 text-right">{r.ageHours === null ? "—" : fmtAge(r.ageHours)}</td>
              <td className="py-1.5 pr-2 text-right">{fmtInt(r.plays)}</td>
              <td className="kiosk:hidden py-1.5 text-right">{fmtInt(r.impressions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
