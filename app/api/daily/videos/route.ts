import { dailyVideosQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getDailyVideos } from "@/lib/server/queries/daily-videos";

export async function GET(request: Request) {
  const input = parseRequest(request, dailyVideosQuery);
  return input.ok ? respond(() => getDailyVideos(input.value)) : input.response;
}
