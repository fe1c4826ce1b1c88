import { NextResponse } from "next/server";
import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { NotFoundError, parseRequest, respondWith } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { playlistsUsingView } from "@/lib/server/ops/playlists";
import { deleteView } from "@/lib/server/ops/saved-views";

/**
 * Deletes one saved view (needs the API token); 404 when there is none, 409 naming the playlists
 * that show it (a wall screen must not silently lose a view).
 */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  const id = input.value.id;
  return respondWith(async () => {
    const outcome = await deleteView(id);
    if (outcome === "missing") throw new NotFoundError(`no saved view ${id}`);
    if (outcome === "in use") {
      const names = (await playlistsUsingView(id)).map((p) => `"${p.name}" (${p.id})`).join(", ");
      return NextResponse.json(
        { error: `saved view ${id} is shown by playlist${names.includes(",") ? "s" : ""} ${names}: remove it from them first` },
        { status: 409, headers: { "Cache-Control": "no-store" } },
      );
    }
    return NextResponse.json({ deleted: id }, { headers: { "Cache-Control": "no-store" } });
  });
}
