import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { z } from "zod";
import { InvalidParams } from "@/components/invalid-params";
import { api } from "@/lib/dashboard/query-keys";
import { firstValues } from "@/lib/dashboard/raw-params";
import { describeIssues, pulseRangeQuery, refreshSchema, trendingQuery } from "@/lib/dashboard/schemas";
import { prefetch } from "@/lib/server/prefetch";
import { getCategories } from "@/lib/server/queries/categories";
import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";
import { getPulseKpis } from "@/lib/server/queries/pulse-kpis";
import { getPulseSeries } from "@/lib/server/queries/pulse-series";
import { getTrending } from "@/lib/server/queries/trending";
import { PulseClient } from "./client";
import { pulseRangeParams, pulseTrendingParams } from "./search-params";

export const metadata: Metadata = { title: "Live pulse" };

const pageSchema = z.object({ range: pulseRangeQuery, trending: trendingQuery, refresh: refreshSchema });

export default async function PulsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = firstValues(await searchParams);
  const rangeParams = pulseRangeParams(raw);
  const trendingParams = pulseTrendingParams(raw);
  const parsed = pageSchema.safeParse({ range: rangeParams, trending: trendingParams, refresh: raw.refresh });
  if (!parsed.success) return <InvalidParams issues={describeIssues(parsed.error)} resetHref="/" />;
  const { range, trending } = parsed.data;
  const state = await prefetch([
    { queryKey: api.pulseSeries(rangeParams).queryKey, load: () => getPulseSeries(range) },
    { queryKey: api.pulseKpis(rangeParams).queryKey, load: () => getPulseKpis(range) },
    { queryKey: api.trending(trendingParams).queryKey, load: () => getTrending(trending) },
    { queryKey: api.categories().queryKey, load: () => getCategories() },
    { queryKey: api.platformRetention().queryKey, load: () => getPlatformRetentionLatest() },
  ]);
  return (
    <HydrationBoundary state={state}>
      <PulseClient />
    </HydrationBoundary>
  );
}
