import { trendingQuery } from "@/lib/dashboard/schemas";
import { parseRequest } from "@/lib/server/api";
import { getTrending } from "@/lib/server/queries/trending";
import { respondVersioned } from "@/lib/server/versioned-response";

export async function GET(request: Request) {
  const input = parseRequest(request, trendingQuery);
  return input.ok ? respondVersioned(request, () => getTrending(input.value)) : input.response;
}
