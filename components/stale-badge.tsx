import type { ResultMeta } from "@/lib/dashboard/envelope";

function age(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Shown when the server fell back to its last good result, or when the last refresh failed outright. */
export function StaleBadge({ meta, refreshError }: { meta: ResultMeta; refreshError?: string }) {
  if (!meta.stale && !refreshError) return null;
  const reason = meta.staleReason ?? refreshError ?? "";
  return (
    <span
      className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
      title={reason}
      data-testid="stale-badge"
    >
      stale · {age(meta.ageSeconds)} old
    </span>
  );
}
