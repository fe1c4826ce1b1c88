import { z } from "zod";
import { badRequest, decodeParam, parseRequest, respond } from "@/lib/server/api";
import { getVideoDaily } from "@/lib/server/queries/video-daily";
import { videoIdSchema } from "@/lib/dashboard/schemas";

const schema = z.object({ videoId: videoIdSchema });

export async function GET(request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const raw = decodeParam((await ctx.params).videoId);
  if (raw === null) return badRequest("invalid videoId: not a valid URL escape");
  const input = parseRequest(request, schema, { videoId: raw });
  return input.ok ? respond(() => getVideoDaily(input.value.videoId)) : input.response;
}
