"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { api } from "@/lib/dashboard/query-keys";

const VALID = /^#?[A-Za-z0-9_-]{2,64}$/;

/** The nav's video search: a video id's start or a hashtag; Enter opens the first hit, the list opens any. */
export function VideoSearch() {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState("");
  const [typed, setTyped] = useState("");
  const [open, setOpen] = useState(false);
  // Ask once typing pauses, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setTyped(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const valid = VALID.test(typed);
  const hits = useQuery({ ...api.videoSearch(typed), enabled: valid, placeholderData: keepPreviousData, staleTime: 60_000 });
  const rows = valid ? (hits.data?.data ?? []) : [];
  const go = (videoId: string) => {
    setOpen(false);
    setText("");
    router.push(`/videos/${encodeURIComponent(videoId)}`);
  };
  return (
    <div className="relative">
      <input
        type="search"
        value={text}
        placeholder="Video id or #hashtag"
        aria-label="Search videos by id or hashtag"
        aria-controls={listId}
        className="w-52 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        data-testid="video-search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
          if (e.key === "Enter" && rows[0]) go(rows[0].videoId);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && text.trim().length >= 2 && (
        <ul
          id={listId}
          className="absolute right-0 z-30 mt-1 max-h-80 w-80 overflow-auto rounded-md border border-slate-200 bg-white text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          data-testid="video-search-results"
        >
          {!VALID.test(text.trim()) ? (
            <li className="px-3 py-2 text-xs text-red-600">Letters, digits, _ and - only (and a leading #).</li>
          ) : hits.isError ? (
            <li className="px-3 py-2 text-xs text-red-600">{(hits.error as Error).message}</li>
          ) : rows.length === 0 ? (
            <li className="px-3 py-2 text-xs text-slate-500">{hits.isFetching || typed !== text.trim() ? "Searching…" : "No video matches."}</li>
          ) : (
            rows.map((h) => (
              <li key={h.videoId}>
                <button
                  type="button"
                  className="block w-full px-3 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(h.videoId)}
                >
                  <span className="font-mono">{h.videoId}</span>
                  <span className="ml-2 text-xs text-slate-500">
                    {h.category ?? "—"}
                    {h.status !== "active" && ` · ${h.status}`}
                    {h.hashtags.length > 0 && ` · ${h.hashtags.map((t) => `#${t}`).join(" ")}`}
                  </span>
                </button>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
