"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="py-24 text-center">
      <h1 className="text-2xl font-semibold">This page failed to render</h1>
      <p className="mt-2 text-slate-500">The error is in the server log. The data may be fine; try again.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
        Try again
      </button>
    </div>
  );
}
