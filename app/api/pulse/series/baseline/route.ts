import { pulseBaselineQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respond } from "@/lib/server/api";
import { getPulseSeriesBaseline } from "@/lib/server/queries/series-baseline";

/** The Pulse chart's comparison overlay: its range a day or a week earlier (?compare=day|week), on the current range's times. */
export async function GET(request: Request) {
  const input = parseRequest(request, pulseBaselineQuery);
  return input.ok ? respond(() => getPulseSeriesBaseline(input.value)) : input.response;
}
