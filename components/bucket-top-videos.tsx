"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fmtDateTime, fmtInt, fmtPct } from "@/lib/dashboard/format";
import { api } from "@/lib/dashboard/query-keys";
import { Skeleton } from "./skeleton";

/** The most played videos of the chart bucket someone clicked (`at` in the URL), under the chart. */
export function BucketTopVideos({ at, bucketMs, tz, onClose }: { at: number; bucketMs: number; tz: string; onClose: () => void }) {
  const q = useQuery(api.topVideos(at, at + bucketMs));
  const label = `${fmtDateTime(at, tz)}${bucketMs > 60_000 ? ` – ${fmtDateTime(at + bucketMs, tz).slice(11)}` : ""}`;
  return (
    <div className="mt-3 rounded-md border border-slate-200 p-3 dark:border-slate-800" data-testid="bucket-top-videos">
      <div className="mb-2 flex items-center gap-2">
        <h3 className="text-sm font-semibold">Top videos at {label}</h3>
        <button type="button" className="ml-auto text-xs text-slate-500 underline" onClick={onClose}>
          close
        </button>
      </div>
      {q.error ? (
        <p role="alert" className="text-sm text-red-600">
          {(q.error as Error).message}
        </p>
      ) : !q.data ? (
        <Skeleton className="h-16" />
      ) : q.data.data.length === 0 ? (
        <p className="text-sm text-slate-500">No video was played in this {bucketMs > 60_000 ? "hour" : "minute"}.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-2">Video</th>
              <th className="py-1 pr-2">Category</th>
              <th className="py-1 pr-2 text-right">Plays</th>
              <th className="py-1 pr-2 text-right">Impressions</th>
              <th className="py-1 text-right">Completion</th>
            </tr>
          </thead>
          <tbody>
            {q.data.data.map((v) => (
              <tr key={v.videoId} className="border-t border-slate-100 dark:border-slate-800" data-testid="bucket-video">
                <td className="py-1 pr-2">
                  <Link
                    prefetch={false}
                    href={`/videos/${encodeURIComponent(v.videoId)}`}
                    className="font-mono text-rose-700 hover:underline dark:text-rose-300"
                  >
                    {v.videoId}
                  </Link>
                  {v.status !== "active" && <span className="ml-1 text-xs text-slate-500">({v.status})</span>}
                </td>
                <td className="py-1 pr-2">{v.category ?? "—"}</td>
                <td className="py-1 pr-2 text-right" data-testid="bucket-plays">
                  {fmtInt(v.plays)}
                </td>
                <td className="py-1 pr-2 text-right">{fmtInt(v.impressions)}</td>
                <td className="py-1 text-right">{fmtPct(v.completionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
