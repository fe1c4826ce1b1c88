import { NextResponse } from "next/server";
import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { playlistBodySchema } from "@/lib/dashboard/playlist-schemas";
import { badRequest, errorResponse, NotFoundError, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { parseJsonBody } from "@/lib/server/json-body";
import { deletePlaylist, getPlaylist, replacePlaylist, UnknownViewError } from "@/lib/server/ops/playlists";

type Ctx = { params: Promise<{ id: string }> };

/** One playlist with its items resolved to the URLs a screen opens; 404 when there is none. */
export async function GET(request: Request, ctx: Ctx) {
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    const playlist = await getPlaylist(input.value.id);
    if (!playlist) throw new NotFoundError(`no playlist ${input.value.id}`);
    return { data: playlist };
  });
}

/** Replaces a playlist's name and items (needs the API token); a screen playing it picks the edit up. */
export async function PUT(request: Request, ctx: Ctx) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const id = parseRequest(request, rowIdParams, await ctx.params);
  if (!id.ok) return id.response;
  const body = await parseJsonBody(request, playlistBodySchema);
  if (!body.ok) return body.response;
  try {
    const stored = await replacePlaylist(id.value.id, body.value);
    if (!stored) throw new NotFoundError(`no playlist ${id.value.id}`);
    return NextResponse.json({ data: stored }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof UnknownViewError) return badRequest(`invalid items: ${err.message}`);
    return errorResponse(err);
  }
}

/** Deletes one playlist (needs the API token); 404 when there is none. */
export async function DELETE(request: Request, ctx: Ctx) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    if (!(await deletePlaylist(input.value.id))) throw new NotFoundError(`no playlist ${input.value.id}`);
    return { deleted: input.value.id };
  });
}
