import { NextResponse } from "next/server";
import { newAlertRuleSchema } from "@/lib/dashboard/alert-schemas";
import { publicRule } from "@/lib/server/alerts/public-rule";
import { createRule, listRules } from "@/lib/server/alerts/store";
import { errorResponse, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { parseJsonBody } from "@/lib/server/json-body";

/** The rules, with their current state (open, like the pages; webhook URLs are shown by host only). */
export async function GET() {
  return respond(async () => ({ data: (await listRules()).map(publicRule) }));
}

/** Stores one rule (needs the API token); it is evaluated from the next real-time commit. Answers 201. */
export async function POST(request: Request) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = await parseJsonBody(request, newAlertRuleSchema);
  if (!input.ok) return input.response;
  try {
    const stored = await createRule(input.value);
    return NextResponse.json(
      { data: publicRule(stored) },
      { status: 201, headers: { "Cache-Control": "no-store", Location: `/api/alerts/rules/${stored.id}` } },
    );
  } catch (err) {
    return errorResponse(err);
  }
}
