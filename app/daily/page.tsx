import type { Metadata } from "next";
import { Suspense } from "react";
import { InvalidParams } from "@/components/invalid-params";
import { PanelSkeleton } from "@/components/panel-skeleton";
import type { SearchParams } from "@/lib/server/page-input";
import { PanelSeed } from "@/lib/server/panel-seed";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";
import { getDailyRetention } from "@/lib/server/queries/daily-retention";
import { getRetentionDistribution } from "@/lib/server/queries/daily-retention-distribution";
import { getDailyVideos } from "@/lib/server/queries/daily-videos";
import { DailyShell } from "./client";
import { CategoryTrendsPanel, DistributionPanel, RetentionPanel, VideosPanel } from "./panels";
import { checkDailyUrl } from "./url-check";

export const metadata: Metadata = { title: "Daily marts" };

/**
 * The shell (controls) at once; each panel streams in when its own query answers (lib/server/panel-seed.tsx).
 * The category list is the header's own fetch: a header query cannot be seeded by a streamed boundary.
 */
export default async function DailyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const url = checkDailyUrl(await searchParams);
  if (!url.ok) return <InvalidParams issues={url.issues} resetHref="/daily" />;
  const { queries: q } = url;
  return (
    <DailyShell>
      <Suspense fallback={<PanelSkeleton title="Category trends" skeletonClass="h-72" />}>
        <PanelSeed seeds={[{ queryKey: q.categories.queryKey, load: () => getDailyCategories(url.range) }]}>
          <CategoryTrendsPanel />
        </PanelSeed>
      </Suspense>
      <div className="grid gap-4 xl:grid-cols-2">
        <Suspense fallback={<PanelSkeleton title="D1 retention" skeletonClass="h-80" />}>
          <PanelSeed seeds={[{ queryKey: q.retention.queryKey, load: () => getDailyRetention(url.range) }]}>
            <RetentionPanel />
          </PanelSeed>
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Videos by D1 retention" skeletonClass="h-80" />}>
          <PanelSeed seeds={[{ queryKey: q.distribution.queryKey, load: () => getRetentionDistribution(url.distribution) }]}>
            <DistributionPanel />
          </PanelSeed>
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton title="Videos" />}>
        <PanelSeed seeds={[{ queryKey: q.videos.queryKey, load: () => getDailyVideos(url.videos) }]}>
          <VideosPanel />
        </PanelSeed>
      </Suspense>
    </DailyShell>
  );
}
