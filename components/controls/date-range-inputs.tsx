"use client";
import { useState } from "react";

/** Two UTC dates; applied together so the URL never holds a half-edited range. */
export function DateRangeInputs(p: { from?: string; to?: string; min?: string; max?: string; onChange: (from: string, to: string) => void }) {
  const [from, setFrom] = useState(p.from ?? "");
  const [to, setTo] = useState(p.to ?? "");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (!from || !to) return setError("pick both dates");
        if (from > to) return setError("the start must not be after the end");
        setError(null);
        p.onChange(from, to);
      }}
    >
      <input
        aria-label="from date"
        type="date"
        value={from}
        min={p.min}
        max={p.max}
        onChange={(e) => setFrom(e.target.value)}
        className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
      />
      <span>→</span>
      <input
        aria-label="to date"
        type="date"
        value={to}
        min={p.min}
        max={p.max}
        onChange={(e) => setTo(e.target.value)}
        className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
      />
      <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white dark:bg-slate-100 dark:text-slate-900">
        Apply
      </button>
      {error && (
        <span className="text-xs text-red-600" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
