import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvalidParams } from "@/components/invalid-params";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import type { SearchParams } from "@/lib/server/page-input";
import { prefetch } from "@/lib/server/prefetch";
import { getVideoDaily } from "@/lib/server/queries/video-daily";
import { getVideoSeries } from "@/lib/server/queries/video-series";
import { getVideoSummary } from "@/lib/server/queries/video-summary";
import { VideoClient } from "./client";
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

  const summary = await getVideoSummary(id).catch(() => null);
  // Unknown only when Trino said so; when Trino is down the page renders and shows panel errors instead.
  if (summary && !summary.data.known) notFound();

  const state = await prefetch([
    ...(summary ? [{ queryKey: q.summary.queryKey, load: async () => summary }] : []),
    { queryKey: q.series.queryKey, load: () => getVideoSeries(id, url.series) },
    { queryKey: q.daily.queryKey, load: () => getVideoDaily(id) },
  ]);
  return (
    <HydrationBoundary state={state}>
      <VideoClient videoId={id} />
    </HydrationBoundary>
  );
}
