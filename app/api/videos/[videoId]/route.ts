import { z } from "zod";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import { NotFoundError, parseRequest } from "@/lib/server/api";
import { getVideoSummary } from "@/lib/server/queries/video-summary";
import { respondVersioned } from "@/lib/server/versioned-response";

const schema = z.object({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  if (!input.ok) return input.response;
  return respondVersioned(request, async () => {
    const summary = await getVideoSummary(input.value.videoId);
    if (!summary.data.known) throw new NotFoundError(`no video ${input.value.videoId} in dims.dim_videos or the last 24 h of the RT log`);
    return summary;
  });
}
