import "server-only";
/**
 * The playlists store over sql/ops_queries (ops-db.ts): create, replace, list, read, delete. A
 * playlist's head and its items are written in one transaction, so a screen never plays half an edit.
 */
import type { PlaylistBody } from "../../dashboard/playlist-schemas";
import { MAX_PLAYLISTS, type Playlist, type PlaylistItem, type PlaylistSummary } from "../../dashboard/playlists";
import { type OpsQuery, opsQuery, opsTransaction } from "./ops-db";

interface HeadRow {
  readonly id: string;
  readonly name: string;
  readonly author: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}
interface SummaryRow extends HeadRow {
  readonly items: string;
  readonly cycle_seconds: string;
}
interface ItemRow {
  readonly position: number;
  readonly view_id: string | null;
  readonly url: string;
  readonly view_name: string | null;
  readonly dwell_seconds: number;
}

/** A saved view named by an item does not exist (the foreign key refused it): the API answers 400. */
export class UnknownViewError extends Error {
  override readonly name = "UnknownViewError";
}

const head = (r: HeadRow) => ({ id: Number(r.id), name: r.name, author: r.author, createdAt: r.created_at.getTime(), updatedAt: r.updated_at.getTime() });

const toItem = (r: ItemRow): PlaylistItem => ({
  position: r.position,
  viewId: r.view_id === null ? null : Number(r.view_id),
  viewName: r.view_name,
  url: r.url,
  dwellSeconds: r.dwell_seconds,
});

async function writeItems(query: OpsQuery, id: number, items: PlaylistBody["items"]): Promise<void> {
  await query("playlist_items_delete", [id]);
  try {
    await query("playlist_items_insert", [id, items.map((i) => i.viewId ?? null), items.map((i) => i.url ?? null), items.map((i) => i.dwellSeconds)]);
  } catch (err) {
    // 23503: foreign_key_violation, i.e. a viewId with no saved view behind it.
    if ((err as { code?: string }).code === "23503")
      throw new UnknownViewError(`no saved view ${(err as { detail?: string }).detail?.match(/\((\d+)\)/)?.[1] ?? ""}`.trim());
    throw err;
  }
}

async function readItems(query: OpsQuery, id: number): Promise<PlaylistItem[]> {
  return (await query<ItemRow>("playlist_items_of", [id])).map(toItem);
}

export async function createPlaylist(body: PlaylistBody): Promise<Playlist> {
  return opsTransaction(async (query) => {
    const [row] = await query<HeadRow>("playlist_insert", [body.name, body.author]);
    if (!row) throw new Error("playlist_insert returned no row");
    await writeItems(query, Number(row.id), body.items);
    return { ...head(row), items: await readItems(query, Number(row.id)) };
  });
}

/** Replaces a playlist's name and items; null when there is no such playlist. */
export async function replacePlaylist(id: number, body: PlaylistBody): Promise<Playlist | null> {
  return opsTransaction(async (query) => {
    const [row] = await query<HeadRow>("playlist_update", [id, body.name, body.author]);
    if (!row) return null;
    await writeItems(query, id, body.items);
    return { ...head(row), items: await readItems(query, id) };
  });
}

export async function listPlaylists(): Promise<PlaylistSummary[]> {
  return (await opsQuery<SummaryRow>("playlists_all", [MAX_PLAYLISTS])).map((r) => ({
    ...head(r),
    items: Number(r.items),
    cycleSeconds: Number(r.cycle_seconds),
  }));
}

/** One playlist with its items resolved to URLs; null when there is none. */
export async function getPlaylist(id: number): Promise<Playlist | null> {
  const [row] = await opsQuery<HeadRow>("playlist_one", [id]);
  if (!row) return null;
  return { ...head(row), items: (await opsQuery<ItemRow>("playlist_items_of", [id])).map(toItem) };
}

/** Whether there was such a playlist. */
export async function deletePlaylist(id: number): Promise<boolean> {
  return (await opsQuery<{ id: string }>("playlist_delete", [id])).length === 1;
}

/** The playlists that show a saved view (a view they use cannot be deleted). */
export async function playlistsUsingView(viewId: number): Promise<{ id: number; name: string }[]> {
  return (await opsQuery<{ id: string; name: string }>("playlists_using_view", [viewId])).map((r) => ({ id: Number(r.id), name: r.name }));
}
