import { ImageResponse } from "next/og";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import { getVideoSummary } from "@/lib/server/queries/video-summary";

export const alt = "The video's live numbers on Pulse";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview a shared link unfurls with: the video's current velocity and last-24-hour numbers. */
export default async function OpenGraphImage({ params }: { params: Promise<{ videoId: string }> }) {
  const id = videoIdSchema.safeParse((await params).videoId);
  const summary = id.success ? await getVideoSummary(id.data).catch(() => null) : null;
  const s = summary?.data;
  const stats: [string, string][] = s?.known
    ? [
        ["plays / min now", fmt2(s.velocity)],
        ["plays, 24 h", fmtInt(s.plays24h)],
        ["completion, 24 h", fmtPct(s.completionRate24h)],
        ["likes, 24 h", fmtInt(s.likes24h)],
      ]
    : [["", summary ? "unknown video" : "numbers unavailable"]];
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 64, background: "#0f172a", color: "#f8fafc" }}>
      <div style={{ display: "flex", fontSize: 36, color: "#fb7185" }}>● Pulse</div>
      <div style={{ display: "flex", fontSize: 72, fontWeight: 700, marginTop: 24 }}>{id.success ? id.data : "video"}</div>
      <div style={{ display: "flex", fontSize: 36, color: "#94a3b8", marginTop: 8 }}>{s?.category ?? ""}</div>
      <div style={{ display: "flex", marginTop: "auto", gap: 48 }}>
        {stats.map(([label, value]) => (
          <div key={label} style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", fontSize: 64, fontWeight: 700 }}>{value}</div>
            <div style={{ display: "flex", fontSize: 28, color: "#94a3b8" }}>{label}</div>
          </div>
        ))}
      </div>
    </div>,
    { ...size, headers: { "Cache-Control": "public, max-age=60" } },
  );
}
