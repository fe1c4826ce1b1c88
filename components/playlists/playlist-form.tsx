"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DEFAULT_DWELL_SECONDS, MAX_DWELL_SECONDS, MAX_PLAYLIST_ITEMS, MIN_DWELL_SECONDS, type Playlist } from "@/lib/dashboard/playlists";
import { api } from "@/lib/dashboard/query-keys";
import { useWriteToken, writeJson } from "../alerts/write-token";
import { Field, inputClass, WriteStatus } from "../write-controls";

/** One row of the editor: a saved view or a URL, and its dwell time (kept as typed; the server validates). */
interface Row {
  readonly key: number;
  readonly source: { kind: "view"; viewId: number | null } | { kind: "url"; url: string };
  readonly dwell: string;
}

let nextKey = 0;
const row = (source: Row["source"], dwell = String(DEFAULT_DWELL_SECONDS)): Row => ({ key: nextKey++, source, dwell });

const fromPlaylist = (p: Playlist): Row[] =>
  p.items.map((i) => row(i.viewId !== null ? { kind: "view", viewId: i.viewId } : { kind: "url", url: i.url }, String(i.dwellSeconds)));

/** What the API receives: the server says what is wrong, by field, if anything is. */
const body = (name: string, author: string, rows: readonly Row[]) => ({
  name,
  author,
  items: rows.map((r) => ({
    ...(r.source.kind === "view" ? { viewId: r.source.viewId } : { url: r.source.url }),
    dwellSeconds: Number(r.dwell),
  })),
});

/** Create or edit a playlist: its name, and its views in order with their dwell times. */
export function PlaylistForm({ editing, onDone }: { editing: number | "new"; onDone: () => void }) {
  const existing = useQuery({ ...api.playlist(editing === "new" ? 0 : editing), enabled: editing !== "new" });
  const views = useQuery(api.savedViews());
  if (editing !== "new" && !existing.data) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
        {existing.error ? <span className="text-red-600">{existing.error.message}</span> : "Loading the playlist…"}
      </section>
    );
  }
  return <Editor initial={existing.data?.data ?? null} views={views.data?.data ?? []} onDone={onDone} />;
}

function Editor({ initial, views, onDone }: { initial: Playlist | null; views: readonly { id: number; name: string; url: string }[]; onDone: () => void }) {
  const [token] = useWriteToken();
  const client = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => (initial ? fromPlaylist(initial) : [row({ kind: "view", viewId: views[0]?.id ?? null })]));
  const [status, setStatus] = useState<{ error?: string; saved?: string }>({});
  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const to = index + by;
      if (to < 0 || to >= rs.length) return rs;
      const out = [...rs];
      [out[index], out[to]] = [out[to]!, out[index]!];
      return out;
    });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const payload = body(String(f.get("name") ?? ""), String(f.get("author") ?? ""), rows);
    try {
      if (initial) await writeJson("PUT", `/api/playlists/${initial.id}`, token, payload);
      else await writeJson("POST", "/api/playlists", token, payload);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "/api/playlists" });
      onDone();
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };
  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="playlist-form"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
        {initial ? `Edit "${initial.name}"` : "New playlist"}
      </h2>
      <div className="flex flex-wrap gap-3">
        <Field label="Name">
          <input name="name" required maxLength={200} defaultValue={initial?.name} className={inputClass} />
        </Field>
        <Field label="Author">
          <input name="author" required maxLength={200} defaultValue={initial?.author} className={inputClass} />
        </Field>
      </div>
      <ol className="space-y-2" data-testid="playlist-items">
        {rows.map((r, i) => (
          <li key={r.key} className="flex flex-wrap items-end gap-2" data-testid="playlist-item-row">
            <span className="w-6 pb-1 text-right text-xs text-slate-500">{i + 1}.</span>
            <Field label="View">
              <select
                aria-label={`view ${i + 1}`}
                className={inputClass}
                value={r.source.kind === "view" ? `view:${r.source.viewId ?? ""}` : "url"}
                onChange={(e) =>
                  update(r.key, {
                    source: e.target.value === "url" ? { kind: "url", url: "/" } : { kind: "view", viewId: Number(e.target.value.slice(5)) || null },
                  })
                }
              >
                {views.map((v) => (
                  <option key={v.id} value={`view:${v.id}`}>
                    {v.name}
                  </option>
                ))}
                {views.length === 0 && <option value="view:">(no saved views yet)</option>}
                <option value="url">A dashboard URL…</option>
              </select>
            </Field>
            {r.source.kind === "url" && (
              <Field label="URL (a page of this dashboard)">
                <input
                  aria-label={`url ${i + 1}`}
                  className={`${inputClass} w-80 font-mono`}
                  value={r.source.url}
                  onChange={(e) => update(r.key, { source: { kind: "url", url: e.target.value } })}
                />
              </Field>
            )}
            <Field label="Seconds on screen">
              <input
                aria-label={`seconds ${i + 1}`}
                type="number"
                min={MIN_DWELL_SECONDS}
                max={MAX_DWELL_SECONDS}
                className={`${inputClass} w-24`}
                value={r.dwell}
                onChange={(e) => update(r.key, { dwell: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="px-1 text-slate-500 disabled:opacity-30"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`move ${i + 1} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="px-1 text-slate-500 disabled:opacity-30"
              disabled={i === rows.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`move ${i + 1} down`}
            >
              ↓
            </button>
            <button
              type="button"
              className="px-1 text-slate-500 disabled:opacity-30"
              disabled={rows.length === 1}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              aria-label={`remove ${i + 1}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-700"
          disabled={rows.length >= MAX_PLAYLIST_ITEMS}
          onClick={() => setRows((rs) => [...rs, row(views[0] ? { kind: "view", viewId: views[0].id } : { kind: "url", url: "/" })])}
        >
          + Add a view
        </button>
        <button
          type="submit"
          disabled={!token}
          title={token ? undefined : "Give the API token above to save"}
          className="rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-40 dark:bg-slate-100 dark:text-slate-900"
        >
          Save playlist
        </button>
        <button type="button" className="text-sm text-slate-500 underline" onClick={onDone}>
          Cancel
        </button>
        <WriteStatus status={status} />
      </div>
    </form>
  );
}
