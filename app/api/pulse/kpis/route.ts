import { pulseRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getPulseKpis } from "@/lib/server/queries/pulse-kpis";

export async function GET(request: Request) {
  const input = parseRequest(request, pulseRangeQuery);
  return input.ok ? respond(() => getPulseKpis(input.value)) : input.response;
}
