import { alertEventsQuery } from "@/lib/dashboard/alert-schemas";
import { listEvents } from "@/lib/server/alerts/store";
import { parseRequest, respond } from "@/lib/server/api";

/** The alert history, newest first: every rule's, or one rule's (?ruleId=), with each event's delivery. */
export async function GET(request: Request) {
  const input = parseRequest(request, alertEventsQuery);
  return input.ok ? respond(async () => ({ data: await listEvents(input.value.ruleId) })) : input.response;
}
