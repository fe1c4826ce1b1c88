"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TokenField } from "@/components/alerts/token-field";
import { PlaylistForm } from "@/components/playlists/playlist-form";
import { RowList } from "@/components/row-list";
import { TokenButton, useRowWrite } from "@/components/write-controls";
import { fmtDateTime, fmtDuration } from "@/lib/dashboard/format";
import { playlistPlayHref } from "@/lib/dashboard/playlists";
import { api } from "@/lib/dashboard/query-keys";

const isPlaylistKey = (k: readonly unknown[]) => k[0] === api.playlists().queryKey[0];

export function PlaylistsClient() {
  const q = useQuery({ ...api.playlists(), refetchInterval: 60_000 });
  const { run, error } = useRowWrite(isPlaylistKey);
  // The playlist being edited (its id), "new" for the create form, or null for none.
  const [editing, setEditing] = useState<number | "new" | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Playlists</h1>
          <p className="text-sm text-slate-500">
            Views a wall screen cycles through in kiosk mode. Open a playlist&apos;s link on the screen; edits reach it within a minute.
          </p>
        </div>
        <div className="flex items-center gap-3">
          <TokenField />
          <button type="button" className="rounded bg-rose-600 px-3 py-1.5 text-sm text-white hover:bg-rose-700" onClick={() => setEditing("new")}>
            New playlist
          </button>
        </div>
      </div>
      {editing !== null && <PlaylistForm key={String(editing)} editing={editing} onDone={() => setEditing(null)} />}
      <RowList
        error={q.error}
        rows={q.data?.data}
        emptyText={"No playlists yet: save the views a wall screen should show (Save view), then make a playlist of them."}
        writeError={error}
        testId="playlists"
      >
        {(p) => (
          <li key={p.id} className="flex flex-wrap items-start gap-3 py-2 text-sm" data-testid="playlist">
            <div className="flex-1">
              <Link href={playlistPlayHref(p.id)} className="font-medium text-rose-700 hover:underline dark:text-rose-300">
                {p.name}
              </Link>
              <span className="ml-2 text-xs text-slate-500">
                {p.items} view{p.items === 1 ? "" : "s"}, one cycle {fmtDuration(p.cycleSeconds * 1000)}
              </span>
              <div className="font-mono text-xs text-slate-500">{playlistPlayHref(p.id)}</div>
              <div className="text-xs text-slate-500">
                by {p.author}, edited {fmtDateTime(p.updatedAt, "UTC")} UTC
              </div>
            </div>
            <Link href={playlistPlayHref(p.id)} className="rounded bg-slate-900 px-2 py-0.5 text-xs text-white dark:bg-slate-100 dark:text-slate-900">
              ▶ Play
            </Link>
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700"
              onClick={() => setEditing(p.id)}
            >
              Edit
            </button>
            <TokenButton label="Delete" title="Delete this playlist" onClick={() => run("DELETE", `/api/playlists/${p.id}`)} />
          </li>
        )}
      </RowList>
    </div>
  );
}
