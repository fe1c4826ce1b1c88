import { parseRequest, respond } from "@/lib/server/api";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";
import { dailyRangeQuery } from "@/lib/dashboard/schemas";

export async function GET(request: Request) {
  const input = parseRequest(request, dailyRangeQuery);
  return input.ok ? respond(() => getDailyCategories(input.value)) : input.response;
}
