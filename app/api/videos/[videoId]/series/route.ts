import { videoIdSchema, videoSeriesQuery } from "@/lib/dashboard/schemas";
import { parseRequest } from "@/lib/server/api";
import { getVideoSeries } from "@/lib/server/queries/video-series";
import { respondVersioned } from "@/lib/server/versioned-response";

const schema = videoSeriesQuery.extend({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  return input.ok ? respondVersioned(request, () => getVideoSeries(input.value.videoId, input.value)) : input.response;
}
