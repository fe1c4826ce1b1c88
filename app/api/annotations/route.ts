import { NextResponse } from "next/server";
import { annotationsQuery, newAnnotationSchema } from "@/lib/dashboard/annotation-schemas";
import { errorResponse, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { parseJsonBody } from "@/lib/server/json-body";
import { createAnnotation, listAnnotations } from "@/lib/server/ops/annotations";

/** The annotations a chart of [from, to) shows (open, like the pages). */
export async function GET(request: Request) {
  const input = parseRequest(request, annotationsQuery);
  return input.ok ? respond(async () => ({ data: await listAnnotations(input.value) })) : input.response;
}

/** Stores one annotation (needs the API token); answers 201 with it as stored. */
export async function POST(request: Request) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = await parseJsonBody(request, newAnnotationSchema);
  if (!input.ok) return input.response;
  try {
    const stored = await createAnnotation(input.value);
    return NextResponse.json({ data: stored }, { status: 201, headers: { "Cache-Control": "no-store", Location: `/api/annotations/${stored.id}` } });
  } catch (err) {
    return errorResponse(err);
  }
}
