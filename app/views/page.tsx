import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/skeleton";
import { api } from "@/lib/dashboard/query-keys";
import { listViews } from "@/lib/server/ops/saved-views";
import { PanelSeed } from "@/lib/server/panel-seed";
import { ViewsClient } from "./client";

export const metadata: Metadata = { title: "Saved views" };

/** The saved views, newest first; the first paint has what the store holds now. */
export default async function ViewsPage() {
  await connection();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <PanelSeed seeds={[{ queryKey: api.savedViews().queryKey, load: async () => ({ data: await listViews() }) }]}>
        <ViewsClient />
      </PanelSeed>
    </Suspense>
  );
}
