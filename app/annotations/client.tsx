"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { TokenField } from "@/components/alerts/token-field";
import { AnnotationForm } from "@/components/annotation-form";
import { RowList } from "@/components/row-list";
import { TokenButton, useRowWrite } from "@/components/write-controls";
import { ANNOTATION_COLORS } from "@/lib/dashboard/annotation-marks";
import { fmtDateTime } from "@/lib/dashboard/format";
import { DAY_MS } from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";

/** The last week's annotations (and any ahead, such as a planned maintenance window), newest first, with a form for one more. */
export function AnnotationsClient() {
  // The window is fixed when the page opens: a key that moved every render would refetch forever.
  const [span] = useState(() => ({ from: Math.floor(Date.now() / 60_000) * 60_000 - 7 * DAY_MS, to: Math.floor(Date.now() / 60_000) * 60_000 + DAY_MS }));
  const q = useQuery({ ...api.annotations(span.from, span.to), refetchInterval: 60_000 });
  const { run, error } = useRowWrite((k) => k[0] === "/api/annotations");
  const rows = useMemo(() => [...(q.data?.data ?? [])].reverse(), [q.data]);
  const remove = (id: number) => run("DELETE", `/api/annotations/${id}`);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Annotations</h1>
        <TokenField />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">New annotation</h2>
        <AnnotationForm />
      </section>
      <RowList
        title="The last 7 days"
        error={q.error}
        rows={q.data ? rows : undefined}
        emptyText="No annotations in the last 7 days."
        writeError={error}
        testId="annotation-list"
      >
        {(a) => (
          <li key={a.id} className="flex items-start gap-3 py-2 text-sm" data-testid="annotation-row">
            <span className="mt-1 h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: ANNOTATION_COLORS[a.kind] }} />
            <div className="flex-1">
              <div>
                <b>{a.kind}</b> · {a.text}
              </div>
              <div className="text-xs text-slate-500">
                {fmtDateTime(a.at, "UTC")}
                {a.endsAt !== null && ` – ${fmtDateTime(a.endsAt, "UTC")}`} UTC · {a.videoId ? `video ${a.videoId}` : "platform"} · by {a.author} via {a.source}
              </div>
            </div>
            <TokenButton label="Delete" title="Delete this annotation" onClick={() => remove(a.id)} />
          </li>
        )}
      </RowList>
    </div>
  );
}
