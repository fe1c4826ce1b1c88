"use client";
import Link from "next/link";
import type { CsvColumn } from "@/lib/dashboard/csv";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { DailyVideoRow, DailyVideos } from "@/lib/dashboard/models";
import type { DailySort, SortDir } from "@/lib/dashboard/param-values";
import { CsvButton } from "./csv-button";

interface Column {
  readonly sort?: DailySort;
  readonly header: string;
  readonly render: (r: DailyVideoRow) => string;
  readonly csv: CsvColumn<DailyVideoRow>["value"];
  readonly numeric?: boolean;
}

const COLUMNS: readonly Column[] = [
  { header: "Video", render: (r) => r.videoId, csv: (r) => r.videoId },
  { header: "Category", render: (r) => r.category ?? "—", csv: (r) => r.category },
  { sort: "watch_hours", header: "Watch hours", render: (r) => fmt2(r.watchHours), csv: (r) => r.watchHours, numeric: true },
  { sort: "completion_rate", header: "Completion", render: (r) => fmtPct(r.completionRate), csv: (r) => r.completionRate, numeric: true },
  { sort: "unique_viewers", header: "Unique viewers", render: (r) => fmtInt(r.uniqueViewers), csv: (r) => r.uniqueViewers, numeric: true },
  { sort: "retention_d1", header: "D1 retention", render: (r) => fmtPct(r.retentionD1), csv: (r) => r.retentionD1, numeric: true },
  { header: "Days", render: (r) => String(r.days), csv: (r) => r.days, numeric: true },
];

/** The PM table: server-sorted by the URL's sort/dir; the CSV holds exactly these rows and columns (raw values). */
export function DailyVideosTable({
  data,
  sort,
  dir,
  category,
  onSort,
}: {
  data: DailyVideos & { from: string; to: string };
  sort: DailySort;
  dir: SortDir;
  category: string | null;
  onSort: (sort: DailySort, dir: SortDir) => void;
}) {
  const csvName = `pulse-videos-${data.from}-to-${data.to}${category ? `-${category}` : ""}.csv`;
  return (
    <div>
      <div className="mb-2 flex items-center gap-3 text-xs text-slate-500">
        <span data-testid="daily-count">
          {fmtInt(data.rows.length)} of {fmtInt(data.total)} videos, {data.from} to {data.to}
        </span>
        <span className="ml-auto">
          <CsvButton fileName={csvName} columns={COLUMNS.map((c) => ({ header: c.header, value: c.csv }))} rows={data.rows} />
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="daily-videos-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.header}
                  className={`py-2 pr-2 ${c.numeric ? "text-right" : ""}`}
                  aria-sort={c.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="uppercase hover:underline"
                      onClick={() => onSort(c.sort!, c.sort === sort && dir === "desc" ? "asc" : "desc")}
                    >
                      {c.header}
                      {c.sort === sort ? (dir === "asc" ? " ▲" : " ▼") : ""}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.videoId} className="border-t border-slate-100 dark:border-slate-800" data-testid="daily-row">
                {COLUMNS.map((c, i) => (
                  <td key={c.header} className={`py-1.5 pr-2 ${c.numeric ? "text-right" : ""}`}>
                    {i === 0 ? (
                      <Link
                        prefetch={false}
                        href={`/videos/${encodeURIComponent(r.videoId)}`}
                        className="font-mono text-rose-700 hover:underline dark:text-rose-300"
                      >
                        {r.videoId}
                      </Link>
                    ) : (
                      c.render(r)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
