import { z } from "zod";
import { videoIdSchema } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getVideoDaily } from "@/lib/server/queries/video-daily";

const schema = z.object({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const input = parseRequest(request, schema, await ctx.params);
  return input.ok ? respond(() => getVideoDaily(input.value.videoId)) : input.response;
}
