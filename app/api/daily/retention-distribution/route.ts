import { retentionDistributionQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getRetentionDistribution } from "@/lib/server/queries/daily-retention-distribution";

export async function GET(request: Request) {
  const input = parseRequest(request, retentionDistributionQuery);
  return input.ok ? respond(() => getRetentionDistribution(input.value)) : input.response;
}
