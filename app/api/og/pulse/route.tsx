import { NextResponse } from "next/server";
import { pulseRangeQuery } from "@/lib/dashboard/schemas";
import { parseRequest } from "@/lib/server/api";
import { pulsePreview, pulsePreviewModel } from "@/lib/server/og/pulse-preview";

/**
 * The Pulse page's Open Graph image for a URL's range (the page's metadata points here with its own
 * query); with `format=json`, what the image draws, as data.
 */
export async function GET(request: Request) {
  const input = parseRequest(request, pulseRangeQuery);
  if (!input.ok) return input.response;
  const params = new URL(request.url).searchParams;
  const model = await pulsePreviewModel(input.value, params.get("pinned") === "true");
  return params.get("format") === "json" ? NextResponse.json({ data: model }, { headers: { "Cache-Control": "no-store" } }) : pulsePreview(model);
}
