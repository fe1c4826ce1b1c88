import { videoSearchQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { searchVideos } from "@/lib/server/queries/video-search";

/** The nav's search: videos whose id starts with ?q=, or tagged with it (at most 10). */
export async function GET(request: Request) {
  const input = parseRequest(request, videoSearchQuery);
  return input.ok ? respond(() => searchVideos(input.value.q)) : input.response;
}
