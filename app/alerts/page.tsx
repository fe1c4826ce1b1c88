import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/skeleton";
import { api } from "@/lib/dashboard/query-keys";
import { publicRule } from "@/lib/server/alerts/public-rule";
import { listEvents, listRules } from "@/lib/server/alerts/store";
import { PanelSeed } from "@/lib/server/panel-seed";
import { AlertsClient } from "./client";

export const metadata: Metadata = { title: "Alerts" };

/** Rules, their history and a form for a new one; the first paint has the rules and history the store holds now. */
export default async function AlertsPage() {
  // Read at request time: a page built once would show the rules of the build forever.
  await connection();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <PanelSeed
        seeds={[
          { queryKey: api.alertRules().queryKey, load: async () => ({ data: (await listRules()).map(publicRule) }) },
          { queryKey: api.alertEvents().queryKey, load: async () => ({ data: await listEvents() }) },
        ]}
      >
        <AlertsClient />
      </PanelSeed>
    </Suspense>
  );
}
