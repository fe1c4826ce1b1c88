import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { InvalidParams } from "@/components/invalid-params";
import { PanelSkeleton } from "@/components/panel-skeleton";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import type { SearchParams } from "@/lib/server/page-input";
import { PanelSeed } from "@/lib/server/panel-seed";
import { getVideoDaily } from "@/lib/server/queries/video-daily";
import { getVideoSeries } from "@/lib/server/queries/video-series";
import { getVideoSummary } from "@/lib/server/queries/video-summary";
import { VideoShell } from "./client";
import { DailyPanel, SeriesPanel, SummaryPanel } from "./panels";
import { checkVideoUrl } from "./url-check";

interface Props {
  readonly params: Promise<{ videoId: string }>;
  readonly searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = videoIdSchema.safeParse((await params).videoId);
  if (!id.success) return { title: "Video" };
  const summary = await getVideoSummary(id.data).catch(() => null);
  const s = summary?.data;
  const description = s?.known
    ? `${s.category ?? "Video"} · ${fmt2(s.velocity)} plays/min now · ${fmtInt(s.plays24h)} plays and ${fmtPct(s.completionRate24h)} completion in the last 24 h`
    : "Video on Pulse";
  return {
    title: `Video ${id.data}`,
    description,
    openGraph: { title: `Video ${id.data} · Pulse`, description, type: "website" },
    twitter: { card: "summary_large_image", title: `Video ${id.data} · Pulse`, description },
  };
}

export default async function VideoPage({ params, searchParams }: Props) {
  const url = checkVideoUrl((await params).videoId, await searchParams);
  if (!url.ok) return <InvalidParams issues={url.issues} resetHref="/" />;
  const { videoId: id, queries: q } = url;

  // Awaited before anything streams, so an unknown id answers 404: unknown only when Trino said so;
  // when Trino is down the page renders and shows panel errors instead.
  const summary = await getVideoSummary(id).catch(() => null);
  if (summary && !summary.data.known) notFound();

  return (
    <VideoShell videoId={id}>
      <Suspense fallback={<PanelSkeleton title="Now" skeletonClass="h-28" />}>
        <PanelSeed seeds={summary ? [{ queryKey: q.summary.queryKey, load: async () => summary }] : []}>
          <SummaryPanel />
        </PanelSeed>
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Per minute" skeletonClass="h-72" />}>
        <PanelSeed seeds={[{ queryKey: q.series.queryKey, load: () => getVideoSeries(id, url.series) }]}>
          <SeriesPanel />
        </PanelSeed>
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Daily history" />}>
        <PanelSeed seeds={[{ queryKey: q.daily.queryKey, load: () => getVideoDaily(id) }]}>
          <DailyPanel />
        </PanelSeed>
      </Suspense>
    </VideoShell>
  );
}
