import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { z } from "zod";
import { InvalidParams } from "@/components/invalid-params";
import { api } from "@/lib/dashboard/query-keys";
import { firstValues } from "@/lib/dashboard/raw-params";
import { dailyRangeQuery, dailyVideosQuery, describeIssues, retentionDistributionQuery } from "@/lib/dashboard/schemas";
import { prefetch } from "@/lib/server/prefetch";
import { getCategories } from "@/lib/server/queries/categories";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";
import { getDailyRetention } from "@/lib/server/queries/daily-retention";
import { getRetentionDistribution } from "@/lib/server/queries/daily-retention-distribution";
import { getDailyVideos } from "@/lib/server/queries/daily-videos";
import { DailyClient } from "./client";
import { dailyCategoriesParams, dailyRetentionParams, dailyVideosParams, retentionDistributionParams } from "./search-params";

export const metadata: Metadata = { title: "Daily marts" };

const pageSchema = z.object({ videos: dailyVideosQuery, categories: dailyRangeQuery, distribution: retentionDistributionQuery });

export default async function DailyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = firstValues(await searchParams);
  const videosParams = dailyVideosParams(raw);
  const categoriesParams = dailyCategoriesParams(raw);
  const distributionParams = retentionDistributionParams(raw);
  const parsed = pageSchema.safeParse({ videos: videosParams, categories: categoriesParams, distribution: distributionParams });
  if (!parsed.success) return <InvalidParams issues={describeIssues(parsed.error)} resetHref="/daily" />;
  const state = await prefetch([
    { queryKey: api.dailyVideos(videosParams).queryKey, load: () => getDailyVideos(parsed.data.videos) },
    { queryKey: api.dailyCategories(categoriesParams).queryKey, load: () => getDailyCategories(parsed.data.categories) },
    { queryKey: api.dailyRetention(dailyRetentionParams(raw)).queryKey, load: () => getDailyRetention(parsed.data.categories) },
    { queryKey: api.retentionDistribution(distributionParams).queryKey, load: () => getRetentionDistribution(parsed.data.distribution) },
    { queryKey: api.categories().queryKey, load: () => getCategories() },
  ]);
  return (
    <HydrationBoundary state={state}>
      <DailyClient />
    </HydrationBoundary>
  );
}
