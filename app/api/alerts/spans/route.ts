import { alertSpansQuery } from "@/lib/dashboard/alert-schemas";
import { listSpans } from "@/lib/server/alerts/store";
import { parseRequest, respond } from "@/lib/server/api";

/** The firing periods a chart of [from, to) marks: the platform rules' and, with ?videoId=, that video's. */
export async function GET(request: Request) {
  const input = parseRequest(request, alertSpansQuery);
  return input.ok ? respond(async () => ({ data: await listSpans(input.value) })) : input.response;
}
