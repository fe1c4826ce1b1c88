import { NextResponse } from "next/server";
import { newSavedViewSchema } from "@/lib/dashboard/saved-view-schemas";
import { errorResponse, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { parseJsonBody } from "@/lib/server/json-body";
import { createView, listViews } from "@/lib/server/ops/saved-views";

/** The saved views, newest first (open, like the pages). */
export async function GET() {
  return respond(async () => ({ data: await listViews() }));
}

/** Saves one view (needs the API token); answers 201 with it as stored. */
export async function POST(request: Request) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = await parseJsonBody(request, newSavedViewSchema);
  if (!input.ok) return input.response;
  try {
    const stored = await createView(input.value);
    return NextResponse.json({ data: stored }, { status: 201, headers: { "Cache-Control": "no-store", Location: `/api/views/${stored.id}` } });
  } catch (err) {
    return errorResponse(err);
  }
}
