import { dailyRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getDailyRetention } from "@/lib/server/queries/daily-retention";

export async function GET(request: Request) {
  const input = parseRequest(request, dailyRangeQuery);
  return input.ok ? respond(() => getDailyRetention(input.value)) : input.response;
}
