"use client";
import Link from "next/link";
import { Histogram } from "@/components/charts/histogram";
import type { CsvColumn } from "@/lib/dashboard/csv";
import { fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { RetentionDistribution, RetentionVideo } from "@/lib/dashboard/models";

/** "0–10%", …, "90–100%": bin k covers [k / n, (k + 1) / n), the last one including 100 %. */
export const binLabels = (bins: number) => Array.from({ length: bins }, (_, k) => `${Math.round((k * 100) / bins)}–${Math.round(((k + 1) * 100) / bins)}%`);

interface CsvRow {
  readonly bin: string;
  readonly videos: number;
}
export const DISTRIBUTION_CSV_COLUMNS: readonly CsvColumn<CsvRow>[] = [
  { header: "D1 retention bin", value: (r) => r.bin },
  { header: "Videos", value: (r) => r.videos },
];
export const distributionCsvRows = (d: RetentionDistribution): CsvRow[] => {
  const labels = binLabels(d.counts.length);
  return d.counts.map((videos, k) => ({ bin: labels[k]!, videos }));
};

function Outliers({ title, videos, testId }: { title: string; videos: readonly RetentionVideo[]; testId: string }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">{title}</h3>
      <ol className="space-y-0.5 text-sm" data-testid={testId}>
        {videos.map((v) => (
          <li key={v.videoId} className="flex gap-2">
            <Link prefetch={false} href={`/videos/${encodeURIComponent(v.videoId)}`} className="font-mono text-rose-700 hover:underline dark:text-rose-300">
              {v.videoId}
            </Link>
            <span className="ml-auto tabular-nums">{fmtPct(v.retentionD1)}</span>
            <span className="w-24 text-right text-xs text-slate-500">
              {fmtInt(v.viewers)} {v.viewers === 1 ? "viewer" : "viewers"}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The range's videos by D1 retention: a histogram, and the extremes by name so outliers are one click away. */
export function RetentionDistributionView({ data }: { data: RetentionDistribution }) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500" data-testid="distribution-count">
        {fmtInt(data.videos)} videos with at least {fmtInt(data.minViewers)} {data.minViewers === 1 ? "viewer" : "viewers"} on days whose retention is known,{" "}
        {data.from} to {data.to}; each video&apos;s days weighted by their viewers.
      </p>
      <Histogram labels={binLabels(data.counts.length)} counts={data.counts} unit="videos" testId="retention-histogram" />
      <div className="grid gap-4 md:grid-cols-2">
        <Outliers title="Lowest D1 retention" videos={data.lowest} testId="retention-lowest" />
        <Outliers title="Highest D1 retention" videos={data.highest} testId="retention-highest" />
      </div>
    </div>
  );
}
