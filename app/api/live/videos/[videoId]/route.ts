import { z } from "zod";
import { videoIdSchema, videoSeriesQuery } from "@/lib/dashboard/schemas";
import { NotFoundError, parseRequest, respondWith } from "@/lib/server/api";
import { streamResponse } from "@/lib/server/live/sse-response";
import { videoView } from "@/lib/server/live/video-view";

const schema = videoSeriesQuery.extend({ videoId: videoIdSchema, tz: z.unknown().optional(), since: z.string().max(200).optional() });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  if (!input.ok) return input.response;
  const { videoId } = input.value;
  return respondWith(async () => {
    const view = videoView(videoId, input.value);
    await view.ready();
    const summary = view.currentPanels.summary?.data as { known?: boolean } | undefined;
    if (!summary?.known) throw new NotFoundError(`no video ${videoId} in dims.dim_videos or the last 24 h of the RT log`);
    return streamResponse(request, view);
  });
}
