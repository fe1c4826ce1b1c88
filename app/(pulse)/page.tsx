import type { Metadata } from "next";
import { Suspense } from "react";
import { InvalidParams } from "@/components/invalid-params";
import { PanelSkeleton } from "@/components/panel-skeleton";
import { MINUTE_BUCKET_MAX_MINUTES } from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";
import type { SearchParams } from "@/lib/server/page-input";
import { PanelSeed } from "@/lib/server/panel-seed";
import { getCategories } from "@/lib/server/queries/categories";
import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";
import { getPulseKpis } from "@/lib/server/queries/pulse-kpis";
import { getPulseSeries } from "@/lib/server/queries/pulse-series";
import { getTrending } from "@/lib/server/queries/trending";
import { PulseShell } from "./client";
import { KpisPanel, RetentionPanel, SeriesPanel, TrendingPanel } from "./panels";
import { checkPulseUrl } from "./url-check";

/** A shared, saved or pinned link unfurls with its own range: the preview image is rendered for this URL's query. */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const sp = await searchParams;
  const keep = ["range", "from", "to", "tz", "pinned"] as const;
  const qs = new URLSearchParams();
  for (const k of keep) {
    const v = sp[k];
    if (typeof v === "string") qs.set(k, v);
  }
  const image = `/api/og/pulse${qs.size > 0 ? `?${qs}` : ""}`;
  return {
    title: "Live pulse",
    openGraph: { title: sp.pinned === "true" ? "Pulse (pinned range)" : "Live pulse", images: [{ url: image, width: 1200, height: 630 }], type: "website" },
    twitter: { card: "summary_large_image", images: [image] },
  };
}

/** The shell (controls) at once; each panel streams in when its own query answers (lib/server/panel-seed.tsx). */
export default async function PulsePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const url = checkPulseUrl(await searchParams);
  if (!url.ok) return <InvalidParams issues={url.issues} resetHref="/" />;
  const { queries: q, range, trending } = url;
  return (
    <PulseShell>
      <div className="grid items-start gap-4 lg:grid-cols-[1fr_17rem]">
        <Suspense fallback={<PanelSkeleton title="Key numbers" skeletonClass="h-24" />}>
          <PanelSeed seeds={[{ queryKey: q.kpis.queryKey, load: () => getPulseKpis(range) }]}>
            <KpisPanel />
          </PanelSeed>
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="D1 retention" skeletonClass="h-24" />}>
          <PanelSeed seeds={[{ queryKey: q.retention.queryKey, load: getPlatformRetentionLatest }]}>
            <RetentionPanel />
          </PanelSeed>
        </Suspense>
      </div>
      {/* A wall screen (kiosk mode) shows the chart and the trending table side by side: both fit a 16:9 screen. */}
      <div className="space-y-4 kiosk:grid kiosk:grid-cols-[3fr_2fr] kiosk:items-start kiosk:gap-4 kiosk:space-y-0">
        <Suspense
          fallback={
            <PanelSkeleton title={range.range.minutes > MINUTE_BUCKET_MAX_MINUTES ? "Platform per hour" : "Platform per minute"} skeletonClass="h-80" />
          }
        >
          <PanelSeed seeds={[{ queryKey: q.series.queryKey, load: () => getPulseSeries(range) }]}>
            <SeriesPanel />
          </PanelSeed>
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Trending now" />}>
          <PanelSeed
            seeds={[
              { queryKey: q.trending.queryKey, load: () => getTrending(trending) },
              { queryKey: api.categories().queryKey, load: getCategories },
            ]}
          >
            <TrendingPanel />
          </PanelSeed>
        </Suspense>
      </div>
    </PulseShell>
  );
}
