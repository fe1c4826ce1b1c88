"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TokenField } from "@/components/alerts/token-field";
import { RowList } from "@/components/row-list";
import { TokenButton, useRowWrite } from "@/components/write-controls";
import { fmtDateTime } from "@/lib/dashboard/format";
import { withKiosk } from "@/lib/dashboard/kiosk-params";
import { api } from "@/lib/dashboard/query-keys";

export function ViewsClient() {
  const q = useQuery({ ...api.savedViews(), refetchInterval: 60_000 });
  const { run, error } = useRowWrite((k) => k[0] === api.savedViews().queryKey[0]);
  const remove = (id: number) => run("DELETE", `/api/views/${id}`);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Saved views</h1>
        <TokenField />
      </div>
      <RowList
        error={q.error}
        rows={q.data?.data}
        emptyText={'No saved views yet: open a page as you want it and use "Save view" in the bar above.'}
        writeError={error}
        testId="saved-views"
      >
        {(v) => (
          <li key={v.id} className="flex items-start gap-3 py-2 text-sm" data-testid="saved-view">
            <div className="flex-1">
              <Link href={v.url} className="font-medium text-rose-700 hover:underline dark:text-rose-300">
                {v.name}
              </Link>
              <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${v.pinned ? "bg-slate-800 text-white" : "bg-emerald-600/15 text-emerald-700"}`}>
                {v.pinned ? "pinned" : "live"}
              </span>
              <div className="break-all font-mono text-xs text-slate-500">{v.url}</div>
              <div className="text-xs text-slate-500">
                by {v.author}, {fmtDateTime(v.createdAt, "UTC")} UTC
              </div>
            </div>
            <Link
              href={withKiosk(v.url)}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700"
              title="This view as a wall screen: no controls, full screen, amber when the data stops"
            >
              Kiosk
            </Link>
            <TokenButton label="Delete" title="Delete this saved view" onClick={() => remove(v.id)} />
          </li>
        )}
      </RowList>
    </div>
  );
}
