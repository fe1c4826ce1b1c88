import { ImageResponse } from "next/og";
import { fmt2, fmtInt, fmtPct, fmtTime } from "@/lib/dashboard/format";
import { videoIdSchema } from "@/lib/dashboard/schemas";
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
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 64, background: "#0f172a", color: "#f8fafc" }}>
      <div style={{ display: "flex", fontSize: 36, color: "#fb7185" }}>● Pulse</div>
      <div style={{ display: "flex", fontSize: 72, fontWeight: 700, marginTop: 24 }}>{id.success ? id.data : "video"}</div>
      <div style={{ display: "flex", fontSize: 36, color: "#94a3b8", marginTop: 8 }}>{s?.category ?? ""}</div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 16, gap: 6 }}>
        {notes.slice(-2).map((n) => (
          <div key={n.id} style={{ display: "flex", fontSize: 26, color: n.kind === "incident" ? "#fca5a5" : "#93c5fd" }}>
            {`${n.kind} ${fmtTime(n.at, "UTC")} UTC: ${n.text}`.slice(0, 70)}
          </div>
        ))}
      </div>
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
