"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { TokenField } from "./alerts/token-field";
import { useWriteToken, writeJson } from "./alerts/write-token";
import { Field, inputClass, WriteStatus } from "./write-controls";

/** "Save view" in the nav: names the page's URL as it is now (range, zone, filters, overlay) and stores it for /views. */
export function SaveView() {
  const path = usePathname();
  const search = useSearchParams();
  const [open, setOpen] = useState(false);
  const [token] = useWriteToken();
  const [status, setStatus] = useState<{ error?: string; saved?: string }>({});
  const qs = search.toString();
  const url = `${path}${qs ? `?${qs}` : ""}`;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await writeJson("POST", "/api/views", token, { name: f.get("name"), author: f.get("author"), url, pinned: search.get("pinned") === "true" });
      // Out of the page's way once saved; the confirmation stays beside the button.
      setOpen(false);
      setStatus({ saved: "Saved: listed under Views." });
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };
  return (
    <div className="relative">
      <button
        type="button"
        className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        onClick={() => {
          setOpen(!open);
          setStatus({});
        }}
        aria-expanded={open}
      >
        Save view
      </button>
      {!open && status.saved && (
        <span role="status" className="ml-2 text-xs text-emerald-600" data-testid="save-view-status">
          {status.saved}
        </span>
      )}
      {open && (
        <form
          onSubmit={submit}
          className="absolute right-0 z-30 mt-2 w-96 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          data-testid="save-view-form"
        >
          <div className="break-all font-mono text-xs text-slate-500">{url}</div>
          <Field label="Name">
            <input name="name" required maxLength={200} className={inputClass} />
          </Field>
          <Field label="Author">
            <input name="author" required maxLength={200} className={inputClass} />
          </Field>
          <TokenField />
          <div className="flex items-center gap-3">
            <button type="submit" disabled={!token} className="rounded bg-rose-600 px-3 py-1 text-sm text-white disabled:opacity-40">
              Save
            </button>
            <WriteStatus status={status} />
          </div>
        </form>
      )}
    </div>
  );
}
