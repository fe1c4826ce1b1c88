import { badRequest, decodeParam, parseRequest, respond } from "@/lib/server/api";
import { getVideoSeries } from "@/lib/server/queries/video-series";
import { videoIdSchema, videoSeriesQuery } from "@/lib/dashboard/schemas";

const schema = videoSeriesQuery.extend({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const raw = decodeParam((await ctx.params).videoId);
  if (raw === null) return badRequest("invalid videoId: not a valid URL escape");
  const input = parseRequest(request, schema, { videoId: raw });
  return input.ok ? respond(() => getVideoSeries(input.value.videoId, input.value)) : input.response;
}
