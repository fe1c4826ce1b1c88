"use client";
import type { ReactNode } from "react";
import { Skeleton } from "./skeleton";
import { WriteError } from "./write-controls";

/**
 * A stored list's section (saved views, playlists, annotations): its title, the last row action's
 * error, and the error, loading and empty states before the rows themselves.
 */
export function RowList<T>(p: {
  readonly title?: string;
  readonly error: Error | null;
  readonly rows: readonly T[] | undefined;
  readonly emptyText: string;
  readonly writeError: string | undefined;
  readonly testId: string;
  readonly children: (row: T) => ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      {p.title && <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{p.title}</h2>}
      <WriteError error={p.writeError} />
      {p.error ? (
        <p role="alert" className="text-sm text-red-600">
          {p.error.message}
        </p>
      ) : !p.rows ? (
        <Skeleton className="h-24" />
      ) : p.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{p.emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid={p.testId}>
          {p.rows.map(p.children)}
        </ul>
      )}
    </section>
  );
}
