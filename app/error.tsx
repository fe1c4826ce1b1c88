"use client";
import { useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import { reloadWhenServerAnswers } from "@/components/kiosk/reload";
import { kioskParams } from "@/lib/dashboard/kiosk-params";

/** A wall screen has nobody to press "Try again": it reloads the page by itself after this long. */
const KIOSK_RELOAD_SECONDS = 15;

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [{ kiosk }] = useQueryStates(kioskParams);
  const [left, setLeft] = useState(KIOSK_RELOAD_SECONDS);
  useEffect(() => {
    if (!kiosk) return;
    const id = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(id);
  }, [kiosk]);
  useEffect(() => {
    // A full reload, not reset(): the cause may be a new build or a server that restarted.
    if (kiosk && left <= 0) return reloadWhenServerAnswers();
  }, [kiosk, left]);
  return (
    <div className="py-24 text-center">
      <h1 className="text-2xl font-semibold">This page failed to render</h1>
      <p className="mt-2 text-slate-500">The error is in the server log. The data may be fine; try again.</p>
      {kiosk ? (
        <p className="mt-6 text-xl" data-testid="kiosk-reload" role="status">
          Reloading in {Math.max(0, left)} s
        </p>
      ) : (
        <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
      )}
    </div>
  );
}
