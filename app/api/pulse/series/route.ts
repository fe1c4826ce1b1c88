import { pulseRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getPulseSeries } from "@/lib/server/queries/pulse-series";

export async function GET(request: Request) {
  const input = parseRequest(request, pulseRangeQuery);
  return input.ok ? respond(() => getPulseSeries(input.value)) : input.response;
}
