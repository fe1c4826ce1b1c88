import { ImageResponse } from "next/og";
import { fmtInt, fmtPct } from "@/lib/dashboard/format";
import { ogCard } from "@/lib/server/og/og-card";
import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";

export const alt = "Pulse's daily marts";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview a shared or saved /daily link unfurls with: the newest day whose D1 retention is known. */
export default async function OpenGraphImage() {
  const days = (await getPlatformRetentionLatest().catch(() => null))?.data ?? [];
  const known = days.find((d) => d.retentionD1 !== null);
  const stats: [string, string][] = known
    ? [
        [`D1 retention of ${known.date}`, fmtPct(known.retentionD1)],
        ["viewers that day", fmtInt(known.cohortViewers)],
      ]
    : [["", "numbers unavailable"]];
  return new ImageResponse(ogCard({ title: "Daily marts", subtitle: "watch hours, completion, viewers and D1 retention per day", stats }), {
    ...size,
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
