"use client";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useWriteToken, writeJson } from "./alerts/write-token";
import { Field, inputClass, WriteStatus } from "./write-controls";

/** "2026-11-25T12:34" (a datetime-local value, read as UTC) to the API's ISO instant; undefined when empty. */
const utcInstant = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? undefined : `${s}Z`;
};

/** A deploy, incident or note from the UI (source "ui"); the server validates it and names a bad field. */
export function AnnotationForm({ onSaved }: { onSaved?: () => void }) {
  const [token] = useWriteToken();
  const client = useQueryClient();
  const [status, setStatus] = useState<{ error?: string; saved?: string }>({});
  const nowUtc = new Date().toISOString().slice(0, 16);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const videoId = String(f.get("videoId") ?? "").trim();
    const endsAt = utcInstant(f.get("endsAt"));
    const body = {
      kind: f.get("kind"),
      text: f.get("text"),
      author: f.get("author"),
      source: "ui",
      at: utcInstant(f.get("at")),
      ...(endsAt ? { endsAt } : {}),
      ...(videoId ? { videoId } : {}),
    };
    try {
      await writeJson("POST", "/api/annotations", token, body);
      setStatus({ saved: "Saved: the charts of that moment show it within a minute." });
      form.reset();
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "/api/annotations" });
      onSaved?.();
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="annotation-form">
      <Field label="Kind">
        <select name="kind" className={inputClass}>
          <option value="deploy">deploy</option>
          <option value="incident">incident</option>
          <option value="note">note</option>
        </select>
      </Field>
      <Field label="At (UTC)">
        <input name="at" type="datetime-local" required defaultValue={nowUtc} className={inputClass} />
      </Field>
      <Field label="Until (UTC, for a span)">
        <input name="endsAt" type="datetime-local" className={inputClass} />
      </Field>
      <Field label="Text">
        <input name="text" required maxLength={2000} className={inputClass} placeholder="api v42 rolled out" />
      </Field>
      <Field label="Author">
        <input name="author" required maxLength={200} className={inputClass} />
      </Field>
      <Field label="Video id (blank: the whole platform)">
        <input name="videoId" maxLength={64} pattern="[A-Za-z0-9_\-]+" className={inputClass} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
        <button
          type="submit"
          disabled={!token}
          className="rounded bg-rose-600 px-3 py-1.5 text-sm font-medium text-white enabled:hover:bg-rose-700 disabled:opacity-40"
        >
          Add annotation
        </button>
        {!token && <span className="text-xs text-slate-500">Give the API token above to add annotations.</span>}
        <WriteStatus status={status} />
      </div>
    </form>
  );
}
