import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/skeleton";
import { api } from "@/lib/dashboard/query-keys";
import { listPlaylists } from "@/lib/server/ops/playlists";
import { listViews } from "@/lib/server/ops/saved-views";
import { PanelSeed } from "@/lib/server/panel-seed";
import { PlaylistsClient } from "./client";

export const metadata: Metadata = { title: "Playlists" };

/** The playlists (for wall screens) and their editor; the first paint has what the store holds now. */
export default async function PlaylistsPage() {
  await connection();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <PanelSeed
        seeds={[
          { queryKey: api.playlists().queryKey, load: async () => ({ data: await listPlaylists() }) },
          { queryKey: api.savedViews().queryKey, load: async () => ({ data: await listViews() }) },
        ]}
      >
        <PlaylistsClient />
      </PanelSeed>
    </Suspense>
  );
}
