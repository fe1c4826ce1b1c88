import "server-only";
/** The saved views store over sql/ops_queries (ops-db.ts): create, list, delete. */
import { MAX_SAVED_VIEWS, type SavedView } from "../../dashboard/saved-views";
import { opsQuery } from "./ops-db";

interface ViewRow {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly pinned: boolean;
  readonly author: string;
  readonly created_at: Date;
}

const toView = (r: ViewRow): SavedView => ({
  id: Number(r.id),
  name: r.name,
  url: r.url,
  pinned: r.pinned,
  author: r.author,
  createdAt: r.created_at.getTime(),
});

export async function createView(v: { name: string; url: string; pinned: boolean; author: string }): Promise<SavedView> {
  const [row] = await opsQuery<ViewRow>("saved_view_insert", [v.name, v.url, v.pinned, v.author]);
  if (!row) throw new Error("saved_view_insert returned no row");
  return toView(row);
}

export async function listViews(): Promise<SavedView[]> {
  return (await opsQuery<ViewRow>("saved_views_all", [MAX_SAVED_VIEWS])).map(toView);
}

/**
 * Deletes a view: "deleted", "missing" (there was none), or "in use" when a playlist shows it (the
 * foreign key refuses; the caller names the playlists).
 */
export async function deleteView(id: number): Promise<"deleted" | "missing" | "in use"> {
  try {
    return (await opsQuery<{ id: string }>("saved_view_delete", [id])).length === 1 ? "deleted" : "missing";
  } catch (err) {
    // 23503: foreign_key_violation, from pulse_ops.playlist_items.view_id (ON DELETE RESTRICT).
    if ((err as { code?: string }).code === "23503") return "in use";
    throw err;
  }
}
