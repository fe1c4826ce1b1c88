import { videoBaselineQuery, videoIdSchema } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getVideoSeriesBaseline } from "@/lib/server/queries/series-baseline";

const schema = videoBaselineQuery.extend({ videoId: videoIdSchema });

/** A video chart's comparison overlay: its minutes a day or a week earlier (?compare=day|week), on the current minutes' times. */
export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  return input.ok ? respond(() => getVideoSeriesBaseline(input.value.videoId, input.value)) : input.response;
}
