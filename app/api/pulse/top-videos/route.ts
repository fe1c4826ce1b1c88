import { topVideosQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { adhocAnswerBy } from "@/lib/server/data";
import { getTopVideos } from "@/lib/server/queries/top-videos";

/** The most played videos of one Pulse chart bucket [from, to) (a click on the chart). */
export async function GET(request: Request) {
  const input = parseRequest(request, topVideosQuery);
  return input.ok ? respond(() => getTopVideos(input.value, adhocAnswerBy(request))) : input.response;
}
