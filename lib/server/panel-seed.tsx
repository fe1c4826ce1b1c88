import "server-only";
/**
 * One panel's server side: an async server component, rendered inside the panel's own <Suspense>,
 * that awaits the panel's loader(s) and seeds react-query under the client's keys, so the panel's
 * first paint has numbers and polling or the live stream continue from there. The page's shell and
 * the other panels stream without waiting for it: a slow panel shows its skeleton, never holds
 * the page. A failed load seeds nothing; the client panel then fetches on its own (joining any
 * query still in flight through the single-flight cache) and shows its error state.
 */
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

export interface Seed {
  readonly queryKey: readonly unknown[];
  readonly load: () => Promise<unknown>;
}

export async function PanelSeed({ seeds, children }: { seeds: readonly Seed[]; children: ReactNode }) {
  const client = new QueryClient();
  await Promise.all(
    seeds.map(async (s) => {
      try {
        client.setQueryData(s.queryKey, await s.load());
      } catch {
        // The client panel shows this after its own attempt.
      }
    }),
  );
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
