import { z } from "zod";
import { parseRequest, respond } from "@/lib/server/api";
import { getVideoDaily } from "@/lib/server/queries/video-daily";
import { videoIdSchema } from "@/lib/dashboard/schemas";

const schema = z.object({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  return input.ok ? respond(() => getVideoDaily(input.value.videoId)) : input.response;
}
