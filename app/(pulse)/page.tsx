import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { InvalidParams } from "@/components/invalid-params";
import { api } from "@/lib/dashboard/query-keys";
import type { SearchParams } from "@/lib/server/page-input";
import { prefetch } from "@/lib/server/prefetch";
import { getCategories } from "@/lib/server/queries/categories";
import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";
import { getPulseKpis } from "@/lib/server/queries/pulse-kpis";
import { getPulseSeries } from "@/lib/server/queries/pulse-series";
import { getTrending } from "@/lib/server/queries/trending";
import { PulseClient } from "./client";
import { checkPulseUrl } from "./url-check";

export const metadata: Metadata = { title: "Live pulse" };

export default async function PulsePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const url = checkPulseUrl(await searchParams);
  if (!url.ok) return <InvalidParams issues={url.issues} resetHref="/" />;
  const { queries: q, range, trending } = url;
  const state = await prefetch([
    { queryKey: q.series.queryKey, load: () => getPulseSeries(range) },
    { queryKey: q.kpis.queryKey, load: () => getPulseKpis(range) },
    { queryKey: q.trending.queryKey, load: () => getTrending(trending) },
    { queryKey: api.categories().queryKey, load: () => getCategories() },
    { queryKey: q.retention.queryKey, load: () => getPlatformRetentionLatest() },
  ]);
  return (
    <HydrationBoundary state={state}>
      <PulseClient />
    </HydrationBoundary>
  );
}
