"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/dashboard/query-keys";

export function CategorySelect({ value, onChange }: { value: string | null; onChange: (c: string | null) => void }) {
  const { data } = useQuery({ ...api.categories(), staleTime: 300_000 });
  const options = [...new Set([...(value ? [value] : []), ...(data?.data ?? [])])];
  return (
    <select
      aria-label="category"
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
      className="rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <option value="">All categories</option>
      {options.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}
