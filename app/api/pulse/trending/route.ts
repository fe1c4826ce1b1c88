import { trendingQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getTrending } from "@/lib/server/queries/trending";

export async function GET(request: Request) {
  const input = parseRequest(request, trendingQuery);
  return input.ok ? respond(() => getTrending(input.value)) : input.response;
}
