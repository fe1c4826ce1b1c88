import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InvalidParams } from "@/components/invalid-params";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import { api } from "@/lib/dashboard/query-keys";
import { firstValues } from "@/lib/dashboard/raw-params";
import { describeIssues, timeZoneSchema, videoIdSchema, videoSeriesQuery } from "@/lib/dashboard/schemas";
import { prefetch } from "@/lib/server/prefetch";
import { getVideoDaily } from "@/lib/server/queries/video-daily";
import { getVideoSeries } from "@/lib/server/queries/video-series";
import { getVideoSummary } from "@/lib/server/queries/video-summary";
import { VideoClient } from "./client";
import { videoSeriesParams } from "./search-params";

interface Props {
  readonly params: Promise<{ videoId: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
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

const pageSchema = z.object({ videoId: videoIdSchema, series: videoSeriesQuery, tz: timeZoneSchema.optional() });

export default async function VideoPage({ params, searchParams }: Props) {
  const raw = firstValues(await searchParams);
  // Next hands the segment over decoded (malformed escapes are refused by proxy.ts); never decode twice.
  const { videoId } = await params;
  const seriesParams = videoSeriesParams(raw);
  const parsed = pageSchema.safeParse({ videoId, series: seriesParams, tz: raw.tz || undefined });
  if (!parsed.success) return <InvalidParams issues={describeIssues(parsed.error)} resetHref="/" />;
  const id = parsed.data.videoId;

  const summary = await getVideoSummary(id).catch(() => null);
  // Unknown only when Trino said so; when Trino is down the page renders and shows panel errors instead.
  if (summary && !summary.data.known) notFound();

  const state = await prefetch([
    ...(summary ? [{ queryKey: api.videoSummary(id).queryKey, load: async () => summary }] : []),
    { queryKey: api.videoSeries(id, seriesParams).queryKey, load: () => getVideoSeries(id, parsed.data.series) },
    { queryKey: api.videoDaily(id).queryKey, load: () => getVideoDaily(id) },
  ]);
  return (
    <HydrationBoundary state={state}>
      <VideoClient videoId={id} />
    </HydrationBoundary>
  );
}
