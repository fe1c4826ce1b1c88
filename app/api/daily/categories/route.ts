import { dailyRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getDailyCategories } from "@/lib/server/queries/daily-categories";

export async function GET(request: Request) {
  const input = parseRequest(request, dailyRangeQuery);
  return input.ok ? respond(() => getDailyCategories(input.value)) : input.response;
}
