import { NextResponse } from "next/server";
import { playlistBodySchema } from "@/lib/dashboard/playlist-schemas";
import { badRequest, errorResponse, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { parseJsonBody } from "@/lib/server/json-body";
import { createPlaylist, listPlaylists, UnknownViewError } from "@/lib/server/ops/playlists";

/** The playlists, most recently edited first (open, like the pages). */
export async function GET() {
  return respond(async () => ({ data: await listPlaylists() }));
}

/** Stores one playlist with its items (needs the API token); answers 201 with it as a screen plays it. */
export async function POST(request: Request) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = await parseJsonBody(request, playlistBodySchema);
  if (!input.ok) return input.response;
  try {
    const stored = await createPlaylist(input.value);
    return NextResponse.json({ data: stored }, { status: 201, headers: { "Cache-Control": "no-store", Location: `/api/playlists/${stored.id}` } });
  } catch (err) {
    if (err instanceof UnknownViewError) return badRequest(`invalid items: ${err.message}`);
    return errorResponse(err);
  }
}
