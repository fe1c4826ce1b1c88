import { ImageResponse } from "next/og";
import { fmt2, fmtInt, fmtPct, fmtTime } from "@/lib/dashboard/format";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import { NOTE_COLORS, ogCard } from "@/lib/server/og/og-card";
import { listAnnotations } from "@/lib/server/ops/annotations";
import { getVideoSummary } from "@/lib/server/queries/video-summary";

export const alt = "The video's live numbers on Pulse";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview a shared link unfurls with: the video's current velocity and last-24-hour numbers, and its newest annotations. */
export default async function OpenGraphImage({ params }: { params: Promise<{ videoId: string }> }) {
  const id = videoIdSchema.safeParse((await params).videoId);
  const summary = id.success ? await getVideoSummary(id.data).catch(() => null) : null;
  const s = summary?.data;
  // The annotations of the last 24 h on this video's charts (the platform's and its own): the newest two.
  const now = Date.now();
  const notes = id.success ? await listAnnotations({ from: now - 86_400_000, to: now, videoId: id.data }).catch(() => []) : [];
  const stats: [string, string][] = s?.known
    ? [
        ["plays / min now", fmt2(s.velocity)],
        ["plays, 24 h", fmtInt(s.plays24h)],
        ["completion, 24 h", fmtPct(s.completionRate24h)],
        ["likes, 24 h", fmtInt(s.likes24h)],
      ]
    : [["", summary ? "unknown video" : "numbers unavailable"]];
  return new ImageResponse(
    ogCard({
      title: id.success ? id.data : "video",
      subtitle: s?.category ?? "",
      lines: notes.slice(-2).map((n) => ({ text: `${n.kind} ${fmtTime(n.at, "UTC")} UTC: ${n.text}`.slice(0, 70), color: NOTE_COLORS[n.kind] })),
      stats,
    }),
    { ...size, headers: { "Cache-Control": "public, max-age=60" } },
  );
}
