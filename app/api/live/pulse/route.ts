import { z } from "zod";
import { pulseRangeQuery, rangeFields, trendingQuery } from "@/lib/dashboard/schemas";
import { parseRequest, respondWith } from "@/lib/server/api";
import { pulseView } from "@/lib/server/live/pulse-view";
import { streamResponse } from "@/lib/server/live/sse-response";

/** The Pulse page's URL parameters (the range's and the trending table's), plus the stream's own `since`. */
const schema = z
  .object({
    ...rangeFields,
    tz: z.unknown().optional(),
    category: z.unknown().optional(),
    creator: z.unknown().optional(),
    sort: z.unknown().optional(),
    since: z.string().max(200).optional(),
  })
  .transform((v, ctx) => {
    // The cross-filter (category, creator) narrows the chart and tiles as well as the trending table.
    const range = pulseRangeQuery.safeParse({ range: v.range, from: v.from, to: v.to, tz: v.tz, category: v.category, creator: v.creator });
    const trending = trendingQuery.safeParse({ category: v.category, creator: v.creator, sort: v.sort });
    for (const r of [range, trending]) if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
    return range.success && trending.success ? { range: range.data, trending: trending.data } : z.NEVER;
  });

export async function GET(request: Request) {
  const input = parseRequest(request, schema);
  if (!input.ok) return input.response;
  return respondWith(async () => {
    const view = pulseView(input.value.range, input.value.trending);
    await view.ready();
    return streamResponse(request, view);
  });
}
