import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { InvalidParams } from "@/components/invalid-params";
import { api } from "@/lib/dashboard/query-keys";
import type { SearchParams } from "@/lib/server/page-input";
import { prefetch } from "@/lib/server/prefetch";
import { getCategories } from "@/lib/server/queries/categories";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";
import { getDailyRetention } from "@/lib/server/queries/daily-retention";
import { getRetentionDistribution } from "@/lib/server/queries/daily-retention-distribution";
import { getDailyVideos } from "@/lib/server/queries/daily-videos";
import { DailyClient } from "./client";
import { checkDailyUrl } from "./url-check";

export const metadata: Metadata = { title: "Daily marts" };

export default async function DailyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const url = checkDailyUrl(await searchParams);
  if (!url.ok) return <InvalidParams issues={url.issues} resetHref="/daily" />;
  const { queries: q } = url;
  const state = await prefetch([
    { queryKey: q.videos.queryKey, load: () => getDailyVideos(url.videos) },
    { queryKey: q.categories.queryKey, load: () => getDailyCategories(url.range) },
    { queryKey: q.retention.queryKey, load: () => getDailyRetention(url.range) },
    { queryKey: q.distribution.queryKey, load: () => getRetentionDistribution(url.distribution) },
    { queryKey: api.categories().queryKey, load: () => getCategories() },
  ]);
  return (
    <HydrationBoundary state={state}>
      <DailyClient />
    </HydrationBoundary>
  );
}
