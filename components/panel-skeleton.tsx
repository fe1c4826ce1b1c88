import { Skeleton } from "./skeleton";

/**
 * A panel's frame while its server part still loads (the fallback of its <Suspense>): the same box
 * and title as the panel, so nothing moves when the numbers arrive. Renders on the server, no hooks.
 */
export function PanelSkeleton({ title, skeletonClass = "h-48" }: { title: string; skeletonClass?: string }) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      aria-busy="true"
      data-testid="panel-loading"
    >
      <header className="mb-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h2>
      </header>
      <Skeleton className={skeletonClass} />
    </section>
  );
}
