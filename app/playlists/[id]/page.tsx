import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { createLoader } from "nuqs/server";
import { InvalidParams } from "@/components/invalid-params";
import { PlaylistPlayer } from "@/components/playlists/player";
import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { kioskParams } from "@/lib/dashboard/kiosk-params";
import type { Playlist } from "@/lib/dashboard/playlists";
import { kioskQuery } from "@/lib/dashboard/schemas";
import { getPlaylist } from "@/lib/server/ops/playlists";
import { checkUrl, type SearchParams } from "@/lib/server/page-input";

export const metadata: Metadata = { title: "Playlist" };

const loadKiosk = createLoader(kioskParams);

/**
 * A playlist's shareable URL: it plays full-screen, each view in kiosk mode. The first paint has the
 * playlist as stored; if the store cannot be read now, the player shows so and keeps asking (a wall
 * screen started during an outage must come up by itself).
 */
export default async function PlaylistPlayPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const id = checkUrl(rowIdParams, await params);
  if (!id.ok) notFound();
  let initial: Playlist | null = null;
  let unavailable: string | null = null;
  let found = true;
  try {
    initial = await getPlaylist(id.value.id);
    found = initial !== null;
  } catch (err) {
    unavailable = (err as Error).message;
  }
  if (!found) notFound();
  const sp = await searchParams;
  // Its frames' threshold, checked here as every page checks it: a bad one is named, not passed on to each frame.
  const kiosk = checkUrl(kioskQuery, { stale: sp.stale });
  if (!kiosk.ok) return <InvalidParams issues={kiosk.issues} resetHref={`/playlists/${id.value.id}`} />;
  const { stale } = loadKiosk(sp);
  return <PlaylistPlayer id={id.value.id} initial={initial} unavailable={unavailable} staleMinutes={stale} />;
}
