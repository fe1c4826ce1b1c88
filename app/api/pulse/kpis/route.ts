import { pulseRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest } from "@/lib/server/api";
import { adhocAnswerBy } from "@/lib/server/data";
import { getPulseKpis } from "@/lib/server/queries/pulse-kpis";
import { respondVersioned } from "@/lib/server/versioned-response";

export async function GET(request: Request) {
  const input = parseRequest(request, pulseRangeQuery);
  return input.ok ? respondVersioned(request, () => getPulseKpis(input.value, adhocAnswerBy(request))) : input.response;
}
