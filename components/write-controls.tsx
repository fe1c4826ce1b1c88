"use client";
/** The pieces every write form and row action shares: a labelled field, the status line, and a button that needs the API token. */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useWriteToken, writeJson } from "./alerts/write-token";

export const inputClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in (an input or select), which the label wraps
    <label className="flex flex-col gap-1 text-xs text-slate-500 dark:text-slate-400">
      {label}
      {children}
    </label>
  );
}

/** A write's outcome under its form: the server's error (which names the field), or what was saved. */
export function WriteStatus({ status }: { status: { error?: string; saved?: string } }) {
  return (
    <>
      {status.error && (
        <span role="alert" className="text-sm text-red-600">
          {status.error}
        </span>
      )}
      {status.saved && (
        <span role="status" className="text-sm text-emerald-600">
          {status.saved}
        </span>
      )}
    </>
  );
}

/** A small row action (Delete, Redeliver), disabled until the API token is given. */
export function TokenButton({ label, title, onClick, className = "" }: { label: string; title: string; onClick: () => void; className?: string }) {
  const [token] = useWriteToken();
  return (
    <button
      type="button"
      disabled={!token}
      title={token ? title : `Give the API token above to ${label.toLowerCase()}`}
      className={`rounded border border-slate-300 px-2 py-0.5 text-xs enabled:hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 ${className}`}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/**
 * A row action's write (Delete, Redeliver): sent with the tab's token; on success the lists it
 * changed are refetched (`invalidate` picks their queries), on failure the server's message is kept.
 */
export function useRowWrite(invalidate: (key: readonly unknown[]) => boolean) {
  const [token] = useWriteToken();
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const run = async (method: "POST" | "DELETE", url: string) => {
    try {
      await writeJson(method, url, token);
      setError(undefined);
      await client.invalidateQueries({ predicate: (q) => invalidate(q.queryKey) });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return { run, error };
}

/** A row action's failure, above its table or list. */
export function WriteError({ error }: { error: string | undefined }) {
  return error ? (
    <p role="alert" className="mb-2 text-sm text-red-600">
      {error}
    </p>
  ) : null;
}
