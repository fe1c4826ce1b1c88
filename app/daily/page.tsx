import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { z } from "zod";
import { InvalidParams } from "@/components/invalid-params";
import { api } from "@/lib/dashboard/query-keys";
import { firstValues } from "@/lib/dashboard/raw-params";
import { dailyRangeQuery, dailyVideosQuery, describeIssues } from "@/lib/dashboard/schemas";
import { prefetch } from "@/lib/server/prefetch";
import { getCategories } from "@/lib/server/queries/categories";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";
import { getDailyVideos } from "@/lib/server/queries/daily-videos";
import { DailyClient } from "./client";
import { dailyCategoriesParams, dailyVideosParams } from "./search-params";

export const metadata: Metadata = { title: "Daily marts" };

const pageSchema = z.object({ videos: dailyVideosQuery, categories: dailyRangeQuery });

export default async function DailyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = firstValues(await searchParams);
  const videosParams = dailyVideosParams(raw);
  const categoriesParams = dailyCategoriesParams(raw);
  const parsed = pageSchema.safeParse({ videos: videosParams, categories: categoriesParams });
  if (!parsed.success) return <InvalidParams issues={describeIssues(parsed.error)} resetHref="/daily" />;
  const state = await prefetch([
    { queryKey: api.dailyVideos(videosParams).queryKey, load: () => getDailyVideos(parsed.data.videos) },
    { queryKey: api.dailyCategories(categoriesParams).queryKey, load: () => getDailyCategories(parsed.data.categories) },
    { queryKey: api.categories().queryKey, load: () => getCategories() },
  ]);
  return (
    <HydrationBoundary state={state}>
      <DailyClient />
    </HydrationBoundary>
  );
}
